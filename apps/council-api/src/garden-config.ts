import { gardenProRataRules, type GardenProRataRule } from '@council-kit/contracts';

/*
 * The council's garden waste subscription terms (`GARDEN_*`), Anytown's by default. Read by
 * `loadConfig` (config.ts) through `readGardenConfig`; each problem is a ConfigError naming the
 * variable. The words (concession question, stickers, cancellation) come in English and Welsh.
 */

/** Words in both languages. */
export type Bilingual = { en: string; cy: string };

/** A concession: a share off the price, or a price of its own per bin (pence, for a full year). */
export type GardenConcession = ({ percentOff: number } | { pricePerBin: number }) & { question: Bilingual; description: Bilingual };

/** Everything garden waste subscriptions are configured with. */
export interface GardenConfig {
  /** Pence per bin for a full subscription year (`GARDEN_PRICE_PER_BIN`). */
  pricePerBin: number;
  /** `GARDEN_CONCESSION`: `none`, `percent:50` or `price:2250`; with its question and what it gives. */
  concession?: GardenConcession;
  /** Most bins a property can subscribe for (`GARDEN_MAX_BINS`). */
  maxBins: number;
  /** The subscription year's first day, `MM-DD` (`GARDEN_YEAR_START`; `04-01`: April to March). */
  yearStart: string;
  /** `GARDEN_PRO_RATA`: `none` (the whole year whenever one joins) or `monthly` (the months left, this one counted). */
  proRata: GardenProRataRule;
  /** Days before an active subscription ends that renewal opens (`GARDEN_RENEWAL_DAYS`). */
  renewalDays: number;
  /** Days a new subscriber waits for stickers before the first collection (`GARDEN_START_DAYS`). */
  startDays: number;
  /** What the resident gets to show they have paid (`GARDEN_STICKERS_EN`, `GARDEN_STICKERS_CY`). */
  stickers: Bilingual;
  /** The cancellation and refund rules (`GARDEN_CANCELLATION_EN`, `GARDEN_CANCELLATION_CY`). */
  cancellation: Bilingual;
  /** The page GOV.UK Pay sends a garden waste subscriber back to (`GARDEN_PAY_RETURN_URL`); unset: `PAY_RETURN_URL`. */
  payReturnUrl?: string;
}

/** Anytown's terms. */
export const defaultGardenConfig: GardenConfig = {
  pricePerBin: 4500,
  concession: {
    percentOff: 50,
    question: {
      en: 'Does anyone in your household get Council Tax Reduction or Pension Credit?',
      cy: 'A oes unrhyw un yn eich aelwyd yn cael Gostyngiad Treth Gyngor neu Gredyd Pensiwn?',
    },
    description: { en: 'Half price', cy: 'Hanner pris' },
  },
  maxBins: 3,
  yearStart: '04-01',
  proRata: 'monthly',
  renewalDays: 56,
  startDays: 10,
  stickers: {
    en: 'We will post you a green sticker for each bin. Put it on the front of the bin, below the handle, before your first collection.',
    cy: 'Byddwn yn postio sticer gwyrdd i chi ar gyfer pob bin. Rhowch ef ar flaen y bin, o dan yr handlen, cyn eich casgliad cyntaf.',
  },
  cancellation: {
    en: 'You can cancel within 14 days of paying for a full refund by calling 01632 960 000. After 14 days we do not give refunds, except when we cannot collect for 4 weeks in a row.',
    cy: 'Gallwch ganslo o fewn 14 diwrnod i dalu i gael ad-daliad llawn drwy ffonio 01632 960 000. Ar ôl 14 diwrnod nid ydym yn rhoi ad-daliadau, ac eithrio pan na allwn gasglu am 4 wythnos yn olynol.',
  },
};

/** What the reader needs of config.ts: its error, and its checks of a value. */
export interface GardenConfigReaders {
  error: (message: string) => Error;
  integer: (name: string, fallback: number, min: number, max: number) => number;
  text: (name: string) => string | undefined;
  /** An https:// URL with no query (the API adds its own), or undefined when unset. */
  https: (name: string) => string | undefined;
}

/** Reads `GARDEN_*` (see {@link GardenConfig}). */
export function readGardenConfig(read: GardenConfigReaders): GardenConfig {
  const d = defaultGardenConfig;
  const words = (name: string, fallback: Bilingual): Bilingual => ({ en: read.text(`${name}_EN`) ?? fallback.en, cy: read.text(`${name}_CY`) ?? fallback.cy });
  const payReturnUrl = read.https('GARDEN_PAY_RETURN_URL');
  return {
    pricePerBin: read.integer('GARDEN_PRICE_PER_BIN', d.pricePerBin, 1, 10_000_000),
    ...concession(read),
    maxBins: read.integer('GARDEN_MAX_BINS', d.maxBins, 1, 20),
    yearStart: yearStart(read),
    proRata: proRata(read),
    renewalDays: read.integer('GARDEN_RENEWAL_DAYS', d.renewalDays, 0, 365),
    startDays: read.integer('GARDEN_START_DAYS', d.startDays, 0, 90),
    stickers: words('GARDEN_STICKERS', d.stickers),
    cancellation: words('GARDEN_CANCELLATION', d.cancellation),
    ...(payReturnUrl ? { payReturnUrl } : {}),
  };
}

function concession(read: GardenConfigReaders): Pick<GardenConfig, 'concession'> {
  const value = read.text('GARDEN_CONCESSION');
  const fallback = defaultGardenConfig.concession!;
  if (value === undefined) return { concession: fallback };
  if (value.toLowerCase() === 'none') return {};
  const match = /^(percent|price):(\d+)$/.exec(value);
  const amount = Number(match?.[2]);
  if (!match || (match[1] === 'percent' ? amount < 1 || amount > 100 : amount > 10_000_000)) {
    throw read.error(`GARDEN_CONCESSION must be "none", "percent:N" (1 to 100) or "price:P" (pence per bin for a year); got "${value}".`);
  }
  const question = { en: read.text('GARDEN_CONCESSION_QUESTION_EN') ?? fallback.question.en, cy: read.text('GARDEN_CONCESSION_QUESTION_CY') ?? fallback.question.cy };
  const description = { en: read.text('GARDEN_CONCESSION_DESCRIPTION_EN') ?? fallback.description.en, cy: read.text('GARDEN_CONCESSION_DESCRIPTION_CY') ?? fallback.description.cy };
  return { concession: { ...(match[1] === 'percent' ? { percentOff: amount } : { pricePerBin: amount }), question, description } };
}

function yearStart(read: GardenConfigReaders): string {
  const value = read.text('GARDEN_YEAR_START') ?? defaultGardenConfig.yearStart;
  const [month, day] = value.split('-').map(Number);
  // 29 February is refused: a year must start every year.
  const real = /^\d\d-\d\d$/.test(value) && month! >= 1 && month! <= 12 && day! >= 1 && day! <= new Date(Date.UTC(2025, month!, 0)).getUTCDate();
  if (!real) throw read.error(`GARDEN_YEAR_START must be the subscription year's first day as MM-DD (e.g. 04-01), not 02-29; got "${value}".`);
  return value;
}

function proRata(read: GardenConfigReaders): GardenProRataRule {
  const value = read.text('GARDEN_PRO_RATA') ?? defaultGardenConfig.proRata;
  if (!(gardenProRataRules as readonly string[]).includes(value)) throw read.error(`GARDEN_PRO_RATA must be "none" or "monthly"; got "${value}".`);
  return value as GardenProRataRule;
}
