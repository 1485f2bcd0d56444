import { randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { sql } from 'kysely';
import { postJson, rows, type TestServer } from './helpers.js';

/** Helpers for the repairs tests: real image bytes, hostile ones, and the seeded homes. */

export const POSTCODE = 'AN1 1AA';

/** A whole PNG (IHDR, IDAT, IEND, good CRCs). */
export function png(width = 4, height = 3): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** A baseline JPEG's structure: SOI, JFIF, DQT, SOF0 (2×2), DHT, SOS, scan data, EOI. */
export function jpeg(): Buffer {
  const segment = (marker: number, data: number[]) => Buffer.from([0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    segment(0xdb, [0, ...Array<number>(64).fill(1)]),
    segment(0xc0, [8, 0, 2, 0, 2, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]),
    segment(0xc4, [0, 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
    segment(0xda, [3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0]),
    Buffer.from(Array.from({ length: 96 }, (_, i) => (i * 37) % 0xfe)),
    Buffer.from([0xff, 0xd9]),
  ]);
}

export const hostile = {
  svg: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>fetch("/steal?c="+document.cookie)</script><rect width="10" height="10"/></svg>'),
  html: Buffer.from('<!doctype html><html><body><script>alert(document.domain)</script><img src=x onerror=alert(1)></body></html>'),
  /** A ZIP archive renamed photo.jpg. */
  zip: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), Buffer.alloc(200, 0x41)]),
  /** A Windows executable. */
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]),
  /** A JPEG cut off in the middle of its scan (no end-of-image marker). */
  truncatedJpeg: jpeg().subarray(0, jpeg().length - 40),
  /** A JPEG whose quantisation table runs past the end of the file. */
  truncatedHeaderJpeg: jpeg().subarray(0, 60),
  /** A PNG signature with HTML after it. */
  fakePng: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<html><script>alert(1)</script></html>'.repeat(3))]),
  /** A PNG whose last chunk is cut short. */
  truncatedPng: png().subarray(0, png().length - 6),
};

export function uploadPhoto(server: { url: string }, body: Buffer, type = 'image/jpeg'): Promise<Response> {
  return fetch(new URL('/api/v1/repairs/photos', server.url), { method: 'POST', headers: { 'Content-Type': type }, body });
}

export function postRepair(server: { url: string }, body: unknown, key: string | null = randomUUID(), query = ''): Promise<Response> {
  return postJson(server, `/api/v1/repairs${query}`, body, key === null ? {} : { 'Idempotency-Key': key });
}

export function sendJson(server: { url: string }, method: 'PATCH' | 'DELETE', path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(path, server.url), { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** The seeded homes in AN1 1AA the repairs tests use. */
export interface Homes {
  flat1: string;
  flat2: string;
  flat3: string;
  councilHouse: string;
  privateHome: string;
}

export async function homes(server: Pick<TestServer, 'db'>): Promise<Homes> {
  const found = await rows(server, sql<{ uprn: string; line1: string; council_owned: number; block_id: string | null }>`select uprn, line1, council_owned, block_id from addresses where postcode = 'AN1 1AA' order by uprn`);
  const flats = found.filter((r) => r.council_owned === 1 && r.block_id);
  const uprn = (line1: string) => found.find((r) => r.line1 === line1)!.uprn;
  return { flat1: flats[0]!.uprn, flat2: flats[1]!.uprn, flat3: flats[2]!.uprn, councilHouse: uprn('10 High Street'), privateHome: uprn('9 High Street') };
}

/** A valid report of a routine, bookable repair (a dripping tap) from a tenant. */
export function tapReport(uprn: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uprn,
    reporter: 'tenant',
    leafId: 'tap-dripping',
    description: 'The cold tap in the kitchen drips all the time.',
    photoIds: [],
    contact: { preference: 'text', mobile: '07700 900982' },
    ...extra,
  };
}

/** `Authorization: Bearer <token>`, the one way to send a repair's manage token. */
export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** GET, PATCH or DELETE a repair with its manage token (`query`: e.g. `?lang=cy`). */
export function manage(server: { url: string }, method: 'GET' | 'PATCH' | 'DELETE', reference: string, token: string, body?: unknown, query = ''): Promise<Response> {
  const path = `/api/v1/repairs/${reference}${query}`;
  if (method === 'GET') return fetch(new URL(path, server.url), { headers: bearer(token) });
  return sendJson(server, method, path, body, bearer(token));
}

/** Reports a repair and returns it with its manage token (the only time the API gives it). */
export async function reportWithToken(server: { url: string }, body: unknown, query = ''): Promise<{ reference: string; manageToken: string } & Record<string, unknown>> {
  const response = await postRepair(server, body, randomUUID(), query);
  if (response.status !== 201) throw new Error(`POST /repairs answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { reference: string; manageToken: string };
}
