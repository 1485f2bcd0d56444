import Database from 'better-sqlite3';
import { deflateSync } from 'node:zlib';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { addDays, inOfficeHours, isWorkingDay, type RepairCatalogue, type RepairSlots } from '@council-kit/contracts';
import { chooseAddress, councilNow, councilToday, day, findPostcode, fullAddress, uprnOf, type An11aaAddress, type Lang } from './waste-support.ts';

export {
  fixClock,
  expectFocusOnStepHeading,
  expectFocusOnErrorSummary,
  confirmationReference,
  stepHeading,
  tab,
  tabTo,
  answer,
  fullAddress,
  uprnOf,
  councilNow,
  councilToday,
} from './waste-support.ts';

/** The two repairs pages, in each language. */
export const repairsPages = {
  report: { en: '/repairs/report/', cy: '/cy/repairs/report/' },
  appointment: { en: '/repairs/appointment/', cy: '/cy/repairs/appointment/' },
} as const;

/**
 * The seeded repairs (apps/council-api/src/repairs/seed.ts), all at postcode AN1 1AA:
 * an open communal repair in Mill Court (listed as already reported), a booked one (Flat 1),
 * a completed one (10 High Street) and a cancelled one.
 */
export const seedRepairs = { communalOpen: 'RP7K2M9Q', booked: 'RPX4T8WN', completed: 'RPC3M7HD', cancelled: 'RPF6V2JB' } as const;

/** The numbers in Anytown's repairs catalogue (and on the pages). */
export const phones = { gas: '0800 111 999', repairs: '01632 960 456', outOfHours: '01632 960 789' } as const;

/** The repairs catalogue the API serves (office hours and phone numbers included). */
export async function catalogueOf(request: APIRequestContext): Promise<RepairCatalogue> {
  const response = await request.get('/api/v1/repairs/catalogue');
  expect(response.status()).toBe(200);
  return (await response.json()) as RepairCatalogue;
}

/**
 * What the emergency pages say at `now` (by default the fixed clock, 10:30 on the test day):
 * inside the catalogue's office hours the repairs line; outside them the out-of-hours line,
 * with a sentence saying the offices are closed.
 */
export async function phoneAt(request: APIRequestContext, now: Date = councilNow): Promise<{ phone: string; closed: boolean }> {
  const { council } = await catalogueOf(request);
  const open = inOfficeHours(council.officeHours, now);
  return { phone: open ? council.phone : council.outOfHoursPhone, closed: !open };
}

/** The sentence under an emergency number out of office hours. */
export const closedText = {
  en: 'Our offices are closed. This is our out-of-hours emergency line.',
  cy: 'Mae ein swyddfeydd ar gau. Dyma ein llinell argyfwng y tu allan i oriau.',
} as const;

/** The moment it is `hhmm` in London on `date` (GMT or BST, whichever is in force then). */
export function londonTime(date: string, hhmm: string): Date {
  const guess = new Date(`${date}T${hhmm}:00Z`);
  const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(guess);
  const offset = (Number(shown.slice(0, 2)) * 60 + Number(shown.slice(3, 5)) - (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) + 1440) % 1440;
  return new Date(guess.getTime() - (offset > 720 ? offset - 1440 : offset) * 60_000);
}

/** The first working day after the test day (not a weekend or a bank holiday): appointments start there at the earliest. */
export function nextWorkingDay(): string {
  let next = addDays(councilToday, 1);
  while (!isWorkingDay(next)) next = addDays(next, 1);
  return next;
}

/** The element's own `GET /repairs/slots` answer: start waiting before the step that asks for it. */
export function slotsAnswer(page: Page): Promise<RepairSlots> {
  return page
    .waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/repairs/slots' && response.request().method() === 'GET')
    .then(async (response) => {
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as RepairSlots;
    });
}

/**
 * The appointment page lists, day by day, exactly the free slots the API answered: working days
 * only, the first no earlier than the next working day ("Thursday 26 November" on a Wednesday,
 * later when that day is fully booked).
 */
export async function expectAppointmentDays(host: Locator, slots: RepairSlots, lang: Lang = 'en'): Promise<void> {
  const days = [...new Set(slots.slots.map((slot) => slot.date))];
  expect(days.length, `free slots after ${councilToday}`).toBeGreaterThan(0);
  expect(days[0]! >= nextWorkingDay(), `the first appointment (${days[0]}) is not before the next working day after ${councilToday}`).toBe(true);
  expect(days.filter((date) => !isWorkingDay(date)), 'appointments on weekends or bank holidays').toEqual([]);
  await expect(host.locator('fieldset.day legend')).toHaveText(days.map((date) => day(date, lang)));
}

export const repairReport = (page: Page): Locator => page.locator('council-repair-report');
export const repairAppointment = (page: Page): Locator => page.locator('council-repair-appointment');

/** Opens the report page and waits for the catalogue: the emergency question. */
export async function openReport(page: Page, lang: 'en' | 'cy' = 'en'): Promise<Locator> {
  await page.goto(repairsPages.report[lang]);
  const host = repairReport(page);
  await expect(host.locator('[data-step-heading]')).toHaveText(lang === 'en' ? 'Is this an emergency?' : 'A yw hwn yn argyfwng?');
  return host;
}

/** Opens the appointment page and waits until the element shows "Find your repair". */
export async function openAppointment(page: Page, lang: 'en' | 'cy' = 'en'): Promise<Locator> {
  await page.goto(repairsPages.appointment[lang]);
  const host = repairAppointment(page);
  await expect(host.locator('[data-step-heading]')).toHaveText(lang === 'en' ? 'Find your repair' : 'Dod o hyd i’ch gwaith trwsio');
  return host;
}

/** Chooses a radio by its label (exact, or a pattern) and presses Continue (English or Welsh). */
export async function choose(host: Locator, label: string | RegExp): Promise<void> {
  await host.getByRole('radio', { name: label, exact: typeof label === 'string' }).check();
  await host.getByRole('button', { name: /^(Continue|Parhau)$/ }).click();
}

/** AN1 1AA, then the address, in the report's embedded address lookup. */
export async function findHome(page: Page, address: An11aaAddress): Promise<void> {
  await findPostcode(page);
  await chooseAddress(page, fullAddress(address));
}

/** The current step's heading has this text. */
export async function expectStep(host: Locator, text: string | RegExp): Promise<void> {
  await expect(host.locator('[data-step-heading]')).toHaveText(text);
}

/**
 * A real PNG (an 8×8 red square, RGB, no interlace), built byte by byte so the test needs no
 * fixture file: signature, IHDR, one zlib-compressed IDAT, IEND, each chunk with its CRC-32.
 */
export function tinyPng(size = 8): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, adaptive filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([0xd4, 0x35, 0x1c]))]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Matches the report's `POST /api/v1/repairs` (not the photo upload). */
export function isRepairPost(url: URL | string, method: string): boolean {
  return method === 'POST' && new URL(url).pathname === '/api/v1/repairs';
}

/**
 * Reports a repair straight to the API, with no appointment (so it waits for one), and returns
 * its reference: for tests that change a repair without touching the seeded ones.
 */
export async function reportByApi(request: APIRequestContext, address: An11aaAddress, leafId: string, description: string): Promise<string> {
  return (await reportWithLink(request, address, leafId, description)).reference;
}

/** A link to the appointment page that opens a repair: its reference and manage token in the fragment. */
export const manageLinkFor = ({ reference, manageToken }: { reference: string; manageToken: string }, lang: 'en' | 'cy' = 'en'): string =>
  `${repairsPages.appointment[lang]}#reference=${reference}&token=${manageToken}`;

/** As {@link reportByApi}, with the repair's manage token (given only in this answer). */
export async function reportWithLink(request: APIRequestContext, address: An11aaAddress, leafId: string, description: string): Promise<{ reference: string; manageToken: string }> {
  const uprn = await uprnOf(request, address);
  const response = await request.post('/api/v1/repairs', {
    headers: { 'Idempotency-Key': `e2e-${leafId}-${Date.now()}-${Math.random().toString(36).slice(2)}` },
    data: { uprn, reporter: 'tenant', leafId, description, photoIds: [], contact: { preference: 'email', email: 'tenant@example.com' } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { reference: string; manageToken: string };
}

/**
 * The one-time code last sent for a repair, read from the API's Notify outbox (the e2e API
 * writes messages there and sends nothing): what the resident would find in their email.
 */
export function lastCodeFor(reference: string): string {
  const database = new Database(process.env.E2E_DATABASE_URL!, { readonly: true, fileMustExist: true });
  try {
    const row = database
      .prepare(`select personalisation from notify_outbox where reference = ? and template_id like 'repair-code-%' order by id desc limit 1`)
      .get(reference) as { personalisation: string } | undefined;
    expect(row, `a code sent for ${reference}`).toBeTruthy();
    return (JSON.parse(row!.personalisation) as { code: string }).code;
  } finally {
    database.close();
  }
}
