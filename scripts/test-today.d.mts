/** The day every suite runs on, `YYYY-MM-DD`: COUNCIL_TEST_TODAY, else today in Europe/London. */
export declare const testToday: string;
