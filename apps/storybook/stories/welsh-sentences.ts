// Every sentence each element can say, built from the elements' own catalogues with sample values,
// for a Welsh speaker to review in one place (welsh-sentences.stories.ts). Nothing here is copied
// by hand: a new message, or a reworded one, shows up on its own.
import { coreStrings, flowStrings, formatDate, translate, type Catalogue, type Locale, type Message, type Params } from '@council-kit/core';
// The packages do not export every catalogue (the later pages' load on demand), so they are read
// from the package source, as the other stories' support files do.
import { addressLookupStrings } from '../../../packages/address-lookup/src/address-lookup/address-lookup.i18n.ts';
import { binDayStrings } from '../../../packages/waste/src/bin-day/bin-day.i18n.ts';
import { missedBinReportStrings } from '../../../packages/waste/src/missed-bin-report/missed-bin-report.i18n.ts';
import { finishStrings as missedBinFinish } from '../../../packages/waste/src/missed-bin-report/finish.i18n.ts';
import { containerRequestStrings } from '../../../packages/waste/src/container-request/container-request.i18n.ts';
import { finishStrings as containerFinish } from '../../../packages/waste/src/container-request/finish.i18n.ts';
import { repairReportStrings } from '../../../packages/housing-repairs/src/repair-report/repair-report.i18n.ts';
import { journeyStrings } from '../../../packages/housing-repairs/src/repair-report/journey.i18n.ts';
import { callStrings } from '../../../packages/housing-repairs/src/repair-report/call.i18n.ts';
import { repairAppointmentStrings } from '../../../packages/housing-repairs/src/repair-appointment/repair-appointment.i18n.ts';
import { manageStrings } from '../../../packages/housing-repairs/src/repair-appointment/manage.i18n.ts';
import { directorySearchStrings } from '../../../packages/directory/src/directory-search/directory-search.i18n.ts';
import { resultsStrings as directoryResults } from '../../../packages/directory/src/directory-search/results.i18n.ts';
import { serviceDetailStrings } from '../../../packages/directory/src/service-detail/service-detail.i18n.ts';
// The council API writes Welsh too: the calendar (.ics) and the confirmations' personalisation.
import { calendarText } from '../../council-api/src/waste/text.ts';
import { containerRequestPersonalisation, missedCollectionPersonalisation } from '../../council-api/src/waste/notifications.ts';
import { appointmentText } from '../../council-api/src/repairs/notifications.ts';
import { longDate } from '../../council-api/src/http/dates.ts';

/** One element's messages: its catalogues, first pages and later ones together. */
export interface ElementCatalogue {
  tag: string;
  catalogue: Catalogue;
  /** Sample values this element's sentences need beyond the shared ones. */
  samples?: Params;
}

const merge = (...catalogues: Catalogue[]): Catalogue => ({
  en: Object.assign({}, ...catalogues.map((c) => c.en)) as Record<string, Message>,
  cy: Object.assign({}, ...catalogues.map((c) => c.cy)) as Record<string, Message>,
});

/** What the council API writes in `locale`: the calendar's texts and the confirmations' fields. */
function apiTexts(locale: Locale): Record<string, string> {
  const rubbish = { name: { en: 'Rubbish', cy: 'Sbwriel' }, container: { type: 'wheelie-bin', colour: 'black' } };
  const address = '9 High Street, Anytown, AN1 1AA';
  return {
    'calendar name': calendarText[locale].calendarName(address),
    'calendar moved': `${calendarText[locale].moved(longDate('2026-11-24', 2, locale), locale === 'cy' ? 'Gŵyl y banc' : 'Bank holiday')} ${calendarText[locale].putOut}`,
    'missed collection: collection_date': missedCollectionPersonalisation('RP7K2M9Q', address, rubbish, '2026-11-26', locale).collection_date!,
    'container request: container, reason': Object.values(containerRequestPersonalisation('RP7K2M9Q', address, rubbish, 'stolen', undefined, locale)).slice(2, 4).join(', '),
    ...Object.fromEntries((['am', 'pm', 'all-day'] as const).map((period) => [`repair: appointment (${period})`, appointmentText({ date: '2026-11-26', period }, locale)])),
  };
}

/** Every element, and the messages every element shares. */
export const elementCatalogues: ElementCatalogue[] = [
  { tag: 'every element (core)', catalogue: merge(coreStrings, flowStrings) },
  { tag: 'council-address-lookup', catalogue: addressLookupStrings },
  { tag: 'council-bin-day', catalogue: binDayStrings, samples: { day: 'Llun' } },
  { tag: 'council-missed-bin-report', catalogue: merge(missedBinReportStrings, missedBinFinish) },
  { tag: 'council-container-request', catalogue: merge(containerRequestStrings, containerFinish) },
  { tag: 'council-repair-report', catalogue: merge(repairReportStrings, callStrings, journeyStrings) },
  { tag: 'council-repair-appointment', catalogue: merge(repairAppointmentStrings, manageStrings) },
  { tag: 'council-directory-search', catalogue: merge(directorySearchStrings, directoryResults) },
  { tag: 'council-service-detail', catalogue: serviceDetailStrings, samples: { day: 'dydd Sadwrn', time: '9' } },
  { tag: 'council-api (calendar and confirmations)', catalogue: { en: apiTexts('en'), cy: apiTexts('cy') } },
];

/** Sample values, as the elements pass them (a date as `formatDate` writes it on its own line). */
function samples(locale: Locale): Params {
  const welsh = locale === 'cy';
  return {
    date: formatDate('2026-11-26', locale),
    time: '7am',
    council: welsh ? 'Cyngor Bwrdeistref Anytown' : 'Anytown Borough Council',
    period: translate(journeyStrings, 'pm', locale),
    address: '9 High Street, Anytown, AN1 1AA',
    postcode: 'AN1 1AA',
    reference: 'RP7K2M9Q',
    organisation: welsh ? 'Banc Bwyd Anytown' : 'Anytown Food Bank',
    cost: '£5',
    size: '10 MB',
    n: 2,
    min: 5,
    max: 11,
    page: 2,
    pages: 5,
    from: welsh ? 'dydd Llun' : 'Monday',
    to: welsh ? 'dydd Gwener' : 'Friday',
    opens: welsh ? '9yb' : '9am',
    closes: welsh ? 'canol dydd' : 'midday',
    first: welsh ? 'bob dydd Llun' : 'Mondays',
    last: welsh ? 'bob dydd Gwener' : 'Fridays',
    nth: welsh ? 'cyntaf' : 'first',
    type: welsh ? 'bin olwynion' : 'wheelie bin',
    colour: welsh ? 'gwyrdd' : 'green',
    lid: welsh ? 'glas' : 'blue',
    // For a message with one form only ("Bob {count} wythnos", "hyd at {count} nod").
    count: 3,
  };
}

// A count that chooses each plural form (Welsh has six: 0, 1, 2, 3, 6 and the rest).
const countFor: Partial<Record<Intl.LDMLPluralRule, number>> = { zero: 0, one: 1, two: 2, few: 3, many: 6, other: 10 };

/** One sentence an element can say, in both languages. */
export interface Sentence {
  key: string;
  /** The count chosen, for a message with plural forms. */
  count?: number;
  en: string;
  cy: string;
}

/** Every sentence of `element`, each plural form of the Welsh once, with sample values. */
export function sentencesOf(element: ElementCatalogue): Sentence[] {
  const { catalogue } = element;
  return Object.keys(catalogue.en).flatMap((key) => {
    const welsh = catalogue.cy[key] ?? catalogue.en[key]!;
    const counts = typeof welsh === 'string' ? [undefined] : Object.keys(welsh).map((form) => countFor[form as Intl.LDMLPluralRule] ?? 10);
    return counts.map((count) => {
      const say = (locale: Locale) => translate(catalogue, key, locale, { ...samples(locale), ...element.samples, ...(count === undefined ? {} : { count }) });
      return { key, count, en: say('en'), cy: say('cy') };
    });
  });
}

/**
 * What a Welsh reviewer flagged before (issue 16), as patterns no Welsh sentence may match again:
 * an unsoftened day or council after a word that softens it, "Dydd" in capitals mid-sentence,
 * English clock times.
 */
export const welshMistakes: [why: string, pattern: RegExp][] = [
  ['"dydd" softens after ar, i, o, tan: "ar ddydd Iau"', /\b(ar|i|o|tan) [Dd]ydd\b/],
  ['the council softens after a verb: "Ffoniwch Gyngor…"', /\bFfoniwch Cyngor\b/],
  ['"dydd" is lower case mid-sentence', /[^.:?!]\s+Dydd\b/],
  ['Welsh times are 7yb, 6yp, canol dydd, hanner nos', /\d(am|pm)\b/],
  ['midnight is "hanner nos"', /\bcanol nos\b/],
];

/**
 * The marks in `element`'s messages that core does not know (`{date|sotf}`): translate ignores
 * them, so a typo would quietly leave a day unsoftened.
 */
export function unknownMarks(element: ElementCatalogue): string[] {
  const known = new Set(['lower', 'soft', 'time']);
  const messages = [...Object.values(element.catalogue.en), ...Object.values(element.catalogue.cy)].flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)));
  return messages.flatMap((m) => [...m.matchAll(/\{\w+((?:\|\w+)+)\}/g)].flatMap(([whole, marks]) => marks!.split('|').slice(1).filter((mark) => !known.has(mark)).map(() => whole)));
}

/** The mistakes `sentence` makes, by reason. */
export const mistakesIn = (sentence: string): string[] => welshMistakes.filter(([, pattern]) => pattern.test(sentence)).map(([why]) => why);
