import { problemTypes, readPhotoReceipt, validate } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { row, rows, startTestServer, type TestServer } from './helpers.js';
import { TODAY } from './dates.js';
import { hostile, jpeg, png, uploadPhoto } from './repairs-helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock(TODAY), rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await server?.stop();
});

const stored = async (id: string) =>
  (await rows(server, sql<{ content_type: string; size_bytes: number; repair_reference: string | null }>`select content_type, size_bytes, repair_reference from repair_photos where id = ${id}`))[0];
const photoCount = async () => (await row(server, sql<{ n: number }>`select count(*) as n from repair_photos`)).n;

describe('POST /api/v1/repairs/photos', () => {
  it('stores a JPEG and a PNG under random ids, by what the bytes are', async () => {
    const ids: string[] = [];
    for (const [bytes, sent, kept] of [
      [jpeg(), 'image/jpeg', 'image/jpeg'],
      [png(), 'image/png', 'image/png'],
      [png(), 'image/jpeg', 'image/png'], // a PNG named .jpg is still a photo
      [jpeg(), 'image/png; charset=binary', 'image/jpeg'],
    ] as const) {
      const response = await uploadPhoto(server, bytes, sent);
      expect(response.status, sent).toBe(201);
      const { photoId } = validate(readPhotoReceipt, await response.json());
      expect(photoId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(await stored(photoId)).toEqual({ content_type: kept, size_bytes: bytes.length, repair_reference: null });
      ids.push(photoId);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('accepts a real-sized photo up to 10 MB (bigger than the API’s usual body limit)', async () => {
    const big = jpeg();
    const padded = Buffer.concat([big.subarray(0, big.length - 2), Buffer.alloc(9 * 1024 * 1024, 0x11), Buffer.from([0xff, 0xd9])]);
    expect((await uploadPhoto(server, padded)).status).toBe(201);
  });

  it.each(Object.entries(hostile))('refuses %s with a 415 problem, whatever the Content-Type says', async (_name, bytes) => {
    for (const type of ['image/jpeg', 'image/png']) {
      const response = await uploadPhoto(server, bytes, type);
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ type: problemTypes.unsupportedMediaType, status: 415 });
    }
  });

  it('refuses other declared types (even for a real image), and an empty body', async () => {
    for (const type of ['image/svg+xml', 'text/html', 'application/octet-stream', 'image/gif', '']) {
      expect((await uploadPhoto(server, png(), type)).status, type).toBe(415);
    }
    expect((await uploadPhoto(server, Buffer.alloc(0))).status).toBe(400);
  });

  it('refuses a body over 10 MB with a 413 problem, and keeps nothing', async () => {
    const before = await photoCount();
    const response = await uploadPhoto(server, Buffer.concat([jpeg(), Buffer.alloc(10 * 1024 * 1024)]));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: problemTypes.payloadTooLarge });
    expect(await photoCount()).toBe(before);
  });

  it('never serves a photo back', async () => {
    const { photoId } = (await (await uploadPhoto(server, jpeg())).json()) as { photoId: string };
    for (const path of [`/api/v1/repairs/photos/${photoId}`, `/api/v1/repairs/photos?id=${photoId}`, `/api/v1/repairs/${photoId}?postcode=AN1%201AA`]) {
      const response = await server.get(path);
      expect([400, 404], path).toContain(response.status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('other routes keep the small body limit', async () => {
    const response = await fetch(new URL('/api/v1/repairs', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k' }, body: JSON.stringify({ description: 'x'.repeat(100 * 1024) }) });
    expect(response.status).toBe(413);
  });
});
