import { problemTypes } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { row, rows, startTestServer, type TestServer } from './helpers.js';
import { expectSafeAnswer, rawRequest, type RawResponse } from './raw-http.js';
import { TODAY } from './dates.js';
import { jpeg, png, postRepair, tapReport } from './repairs-helpers.js';

/**
 * Photo uploads under attack, beyond repairs-photos.test.ts: files disguised as photos (other
 * formats, polyglots, headers cut short), bodies over the limit (by a byte, by Content-Length
 * alone, streamed without one), and more files than a repair takes. Each is refused with a
 * problem, and nothing is stored.
 */

const PHOTOS = '/api/v1/repairs/photos';
const MAX = 10 * 1024 * 1024;
const FLAT = '100070000274'; // Flat 1, Mill Court: a council home in AN1 1AA

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock(TODAY), rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await server?.stop();
});

const photoCount = async () => Number((await row(server, sql<{ n: number }>`select count(*) as n from repair_photos`)).n);
const repairCount = async () => Number((await row(server, sql<{ n: number }>`select count(*) as n from repairs`)).n);

function upload(body: Buffer, type = 'image/png', extra: { chunked?: boolean; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  return rawRequest(server, { method: 'POST', path: PHOTOS, headers: { 'Content-Type': type, ...extra.headers }, body, chunked: extra.chunked ?? false }, 60_000);
}

/** A real JPEG padded inside its scan to exactly `size` bytes (still a whole JPEG). */
function jpegOfSize(size: number): Buffer {
  const image = jpeg();
  return Buffer.concat([image.subarray(0, image.length - 2), Buffer.alloc(size - image.length, 0x11), image.subarray(image.length - 2)]);
}

/** Expects a refusal: `status`, a problem of `type`, and no photo kept. */
async function expectRefused(send: () => Promise<RawResponse>, status: number, type: string, what: string): Promise<void> {
  const before = await photoCount();
  const response = await send();
  expectSafeAnswer(response, what);
  expect(response.status, what).toBe(status);
  expect(JSON.parse(response.text), what).toMatchObject({ type, status });
  expect(await photoCount(), `${what}: nothing stored`).toBe(before);
}

const text = (value: string) => Buffer.from(value, 'latin1');
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Files that are not a whole JPEG or PNG, whatever they are named. */
const disguised: Record<string, Buffer> = {
  'a GIF': Buffer.concat([text('GIF89a'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0]), Buffer.alloc(6), text('!\xf9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;')]),
  'a GIF whose comment is JavaScript (GIF/JS polyglot)': Buffer.concat([text('GIF89a/*'), Buffer.alloc(40), text('*/=1;alert(document.domain);//'), Buffer.alloc(100)]),
  'a PDF': text(`%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n${' '.repeat(200)}\n%%EOF`),
  'a WebP': Buffer.concat([text('RIFF'), Buffer.from([0xf0, 0, 0, 0]), text('WEBPVP8 '), Buffer.alloc(240)]),
  'a BMP': Buffer.concat([text('BM'), Buffer.alloc(300, 0x20)]),
  'a TIFF': Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0]), Buffer.alloc(300)]),
  'an iPhone HEIC': Buffer.concat([Buffer.from([0, 0, 0, 0x18]), text('ftypheic'), Buffer.alloc(300)]),
  'an SVG with a script': text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'.padEnd(300, ' ')),
  'HTML': text('<!doctype html><script>alert(document.cookie)</script>'.padEnd(300, ' ')),
  'HTML that begins like a JPEG': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), text('<html><script>alert(1)</script></html>'.padEnd(300, ' '))]),
  'HTML that begins like a PNG': Buffer.concat([pngSignature, text('<html><script>alert(1)</script></html>'.padEnd(300, ' '))]),
  'a ZIP with a JPEG after it (ZIP first)': Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100), jpeg()]),
  'a PNG with a broken CRC': (() => {
    const image = png();
    image[20] = image[20]! ^ 0xff; // inside IHDR's data
    return image;
  })(),
  'a PNG whose first chunk is not IHDR': (() => {
    const image = png();
    image.write('IDAT', 12, 'latin1');
    return image;
  })(),
  'a PNG 0 pixels wide': png(0, 3),
  'a PNG with no IEND': png().subarray(0, png().length - 12),
  'a JPEG 0 pixels wide': (() => {
    const image = jpeg();
    const sof = image.indexOf(Buffer.from([0xff, 0xc0]));
    image.writeUInt16BE(0, sof + 7);
    return image;
  })(),
  'a JPEG with no frame (SOI, scan, EOI)': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0]), Buffer.alloc(200, 0x11), Buffer.from([0xff, 0xd9])]),
  'a JPEG segment whose length runs past the end': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff]), Buffer.alloc(200)]),
  'a JPEG with a second start-of-image': Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from([0xff, 0xd8]), jpeg().subarray(2)]),
  'only the PNG signature': pngSignature,
  'only the JPEG start-of-image': Buffer.from([0xff, 0xd8, 0xff]),
  'the first 33 bytes of a PNG (signature and IHDR)': png().subarray(0, 33),
  'the first 20 bytes of a JPEG': jpeg().subarray(0, 20),
  'one byte': Buffer.from([0xff]),
};

describe('photo uploads: disguised files', () => {
  it.each(Object.entries(disguised))('refuses %s with a 415 problem under every photo type, and stores nothing', async (name, bytes) => {
    for (const type of ['image/png', 'image/jpeg', 'image/jpg']) {
      await expectRefused(() => upload(bytes, type), 415, problemTypes.unsupportedMediaType, `${name} as ${type}`);
    }
  });

  it('refuses a real photo sent as another type, or as a form with a file name that says photo', async () => {
    for (const type of ['image/gif', 'image/svg+xml', 'image/webp', 'image/heic', 'text/html', 'application/pdf', 'application/octet-stream', 'application/json']) {
      await expectRefused(() => upload(jpeg(), type), 415, problemTypes.unsupportedMediaType, type);
    }
    const boundary = '----council';
    const form = Buffer.concat([
      text(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`),
      png(),
      text(`\r\n--${boundary}--\r\n`),
    ]);
    await expectRefused(() => upload(form, `multipart/form-data; boundary=${boundary}`), 415, problemTypes.unsupportedMediaType, 'a form');
    // The form itself sent as image/png is not a PNG either.
    await expectRefused(() => upload(form, 'image/png'), 415, problemTypes.unsupportedMediaType, 'a form as image/png');
  });

  it('keeps a photo with bytes after its end (cameras pad JPEGs) as the image it is, and never serves it back', async () => {
    // Trailing bytes are allowed by design (see src/repairs/images.ts): what is stored is typed
    // by the image, no route serves photos, so a payload after the image cannot run anywhere.
    const response = await upload(Buffer.concat([jpeg(), text('<script>alert(1)</script>')]), 'image/png');
    expect(response.status).toBe(201);
    const { photoId } = JSON.parse(response.text) as { photoId: string };
    expect(await rows(server, sql<{ content_type: string }>`select content_type from repair_photos where id = ${photoId}`)).toEqual([{ content_type: 'image/jpeg' }]);
    expect((await server.get(`${PHOTOS}/${photoId}`)).status).toBe(404);
  });
});

describe('photo uploads: size', () => {
  it('takes a photo of exactly 10 MB, and refuses one a byte over with a 413 problem', async () => {
    const exact = await upload(jpegOfSize(MAX), 'image/jpeg');
    expect(exact.status).toBe(201);
    await expectRefused(() => upload(jpegOfSize(MAX + 1), 'image/jpeg'), 413, problemTypes.payloadTooLarge, 'a byte over 10 MB');
  });

  it('refuses a Content-Length over the limit before reading the body', async () => {
    // Only a few bytes follow; the answer must not wait for the other 20 MB.
    await expectRefused(
      () => upload(jpeg(), 'image/jpeg', { headers: { 'Content-Length': String(2 * MAX) } }),
      413,
      problemTypes.payloadTooLarge,
      'a 20 MB Content-Length',
    );
  });

  it('refuses a streamed body (chunked, no Content-Length) once it passes the limit, and takes one under it', async () => {
    await expectRefused(() => upload(jpegOfSize(MAX + 64 * 1024), 'image/jpeg', { chunked: true }), 413, problemTypes.payloadTooLarge, 'a chunked body over 10 MB');
    const small = await upload(jpeg(), 'image/jpeg', { chunked: true });
    expect(small.status).toBe(201);
  });

  it('refuses a streamed body over the small limit on every other route, and stores nothing', async () => {
    const before = await repairCount();
    const body = Buffer.from(JSON.stringify(tapReport(FLAT, { description: 'x'.repeat(200 * 1024) })));
    const response = await rawRequest(server, { method: 'POST', path: '/api/v1/repairs', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'chunked-big' }, body, chunked: true });
    expectSafeAnswer(response, 'chunked repair');
    expect(response.status).toBe(413);
    expect(await repairCount()).toBe(before);
  });
});

describe('photo uploads: how many', () => {
  it('refuses a repair with more photos than the catalogue allows, attaching none and storing no repair', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await upload(png(2 + i, 2), 'image/png');
      expect(response.status).toBe(201);
      ids.push((JSON.parse(response.text) as { photoId: string }).photoId);
    }
    const before = await repairCount();
    const response = await postRepair(server, tapReport(FLAT, { photoIds: ids }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ type: problemTypes.validation, errors: [{ path: '/photoIds', message: expect.stringMatching(/3 photos or fewer/) }] });
    expect(await repairCount()).toBe(before);
    const attached = await rows(server, sql<{ n: number }>`select count(*) as n from repair_photos where repair_reference is not null and id in (${sql.join(ids)})`);
    expect(Number(attached[0]!.n)).toBe(0);

    // The same photo twice counts once too many, not as two photos.
    const twice = await postRepair(server, tapReport(FLAT, { photoIds: [ids[0], ids[0]] }));
    expect(twice.status).toBe(400);
    expect(await twice.json()).toMatchObject({ errors: [{ path: '/photoIds/1' }] });

    // Three is fine.
    const three = await postRepair(server, tapReport(FLAT, { photoIds: ids.slice(0, 3) }));
    expect(three.status).toBe(201);
  });
});
