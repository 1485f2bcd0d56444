/** The languages the API answers in (`?lang=`): English and Welsh. */
export const langs = ['en', 'cy'] as const;
export type Lang = (typeof langs)[number];

export const isLang = (value: string): value is Lang => (langs as readonly string[]).includes(value);
