import { deflateSync } from 'node:zlib';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { chooseAddress, findPostcode, fullAddress, type An11aaAddress } from './waste-support.ts';

export { fixClock, expectFocusOnStepHeading, expectFocusOnErrorSummary, confirmationReference, stepHeading, tab, tabTo, answer, fullAddress } from './waste-support.ts';

/** The two repairs pages, in each language. */
export const repairsPages = {
  report: { en: '/repairs/report/', cy: '/cy/repairs/report/' },
  appointment: { en: '/repairs/appointment/', cy: '/cy/repairs/appointment/' },
} as const;

/**
 * The seeded repairs (apps/council-api/src/db/repairs-seed.ts), all at postcode AN1 1AA:
 * an open communal repair in Mill Court (listed as already reported), a booked one (Flat 1),
 * a completed one (10 High Street) and a cancelled one.
 */
export const seedRepairs = { communalOpen: 'RP7K2M9Q', booked: 'RPX4T8WN', completed: 'RPC3M7HD', cancelled: 'RPF6V2JB' } as const;

/** The numbers in Anytown's repairs catalogue (and on the pages). */
export const phones = { gas: '0800 111 999', repairs: '01234 567890', outOfHours: '01234 999999' } as const;

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

/** The UPRN of an AN1 1AA address, from the API (through the site's proxy). */
export async function uprnOf(request: APIRequestContext, address: An11aaAddress): Promise<string> {
  const response = await request.get('/api/v1/addresses?postcode=AN1%201AA');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { addresses: { uprn: string; address: string }[] };
  const found = body.addresses.find((a) => a.address === fullAddress(address));
  expect(found, `${address} in AN1 1AA`).toBeTruthy();
  return found!.uprn;
}

/**
 * Reports a repair straight to the API, with no appointment (so it waits for one), and returns
 * its reference: for tests that change a repair without touching the seeded ones.
 */
export async function reportByApi(request: APIRequestContext, address: An11aaAddress, leafId: string, description: string): Promise<string> {
  const uprn = await uprnOf(request, address);
  const response = await request.post('/api/v1/repairs', {
    headers: { 'Idempotency-Key': `e2e-${leafId}-${Date.now()}-${Math.random().toString(36).slice(2)}` },
    data: { uprn, reporter: 'tenant', leafId, description, photoIds: [], contact: { preference: 'email', email: 'tenant@example.com' } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}
