import { addDays, problemTypes, readRepair, readRepairProperty, readRepairSlots, readReportedRepair, validate, type RepairSlot, type ReportedRepair } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { seedRepairReferences } from '../src/repairs/seed.js';
import { row, rows, startTestServer, type TestServer } from './helpers.js';
import { longDate, slotId, TODAY, workingDaysAfter } from './dates.js';
import { homes, jpeg, manage, png, postRepair, sendJson, tapReport, uploadPhoto, type Homes } from './repairs-helpers.js';

let server: TestServer;
let home: Homes;
beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock(TODAY), rateLimitPerMinute: 100_000 });
  home = await homes(server);
});
afterAll(async () => {
  await server?.stop();
});

const freeSlots = async (sor = '20110', weeks = 6): Promise<RepairSlot[]> =>
  validate(readRepairSlots, await (await server.get(`/api/v1/repairs/slots?sor=${sor}&uprn=${home.flat1}&weeks=${weeks}`)).json()).slots;
const booked = async (slotId: string) => (await row(server, sql<{ booked: number }>`select booked from repair_slots where id = ${slotId}`)).booked;
const slotOf = async (reference: string) => (await row(server, sql<{ slot_id: string }>`select slot_id from repairs where reference = ${reference}`)).slot_id;
const outbox = async (reference: string) =>
  (await rows(server, sql<{ channel: string; template_id: string; recipient: string; personalisation: string }>`select channel, template_id, recipient, personalisation from notify_outbox where reference = ${reference} order by id`)).map(
    (message) => ({ ...message, personalisation: JSON.parse(message.personalisation) as Record<string, string> }),
  );
const problemOf = async (response: Response) => ({ status: response.status, body: (await response.json()) as { type: string; errors?: { path: string }[] } });

describe('POST /api/v1/repairs', () => {
  it('books a routine repair into a slot atomically, with photos, and texts a confirmation', async () => {
    const [slot] = await freeSlots();
    const before = await booked(slot!.id);
    const photos = [await uploadPhoto(server, jpeg()), await uploadPhoto(server, png(), 'image/png')];
    const photoIds = await Promise.all(photos.map(async (r) => ((await r.json()) as { photoId: string }).photoId));
    const response = await postRepair(server, tapReport(home.flat1, { slotId: slot!.id, photoIds }));
    expect(response.status).toBe(201);
    const repair = validate(readRepair, await response.json());
    expect(repair).toMatchObject({
      status: 'booked',
      uprn: home.flat1,
      reporter: 'tenant',
      leafId: 'tap-dripping',
      sor: '20110',
      label: 'A tap is dripping',
      priority: 'routine',
      reportedOn: TODAY,
      targetDate: workingDaysAfter(TODAY, 20), // a routine repair: 20 working days
      appointment: { date: slot!.date, period: slot!.period },
    });
    expect(repair.reference).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(await booked(slot!.id)).toBe(before + 1);
    const attached = await row(server, sql<{ n: number }>`select count(*) as n from repair_photos where repair_reference = ${repair.reference}`);
    expect(attached.n).toBe(2);
    expect(await outbox(repair.reference)).toEqual([
      {
        channel: 'sms',
        template_id: 'repair-reported-sms',
        recipient: '07700900982',
        personalisation: {
          reference: repair.reference,
          address: repair.address,
          repair: 'A tap is dripping',
          has_appointment: 'yes',
          appointment: `${longDate(slot!.date)}, ${slot!.period === 'am' ? 'morning (8am to midday)' : 'afternoon (midday to 6pm)'}`,
          target_date: longDate(workingDaysAfter(TODAY, 20)),
          // No REPAIRS_MANAGE_URL here: no link, so the token is in no outbox row.
          manage_link: '',
        },
      },
    ]);
    // A photo belongs to one repair only.
    const reuse = await problemOf(await postRepair(server, tapReport(home.flat1, { photoIds: [photoIds[0]] })));
    expect(reuse).toMatchObject({ status: 400, body: { errors: [{ path: '/photoIds/0' }] } });
  });

  it('an urgent repair, or a bookable one without a slot, awaits an appointment; email confirmation in Welsh', async () => {
    const response = await postRepair(server, { ...tapReport(home.councilHouse), leafId: 'sink-blocked', contact: { preference: 'email', email: 'Resident@Example.com' } }, undefined, '?lang=cy');
    expect(response.status).toBe(201);
    const repair = validate(readRepair, await response.json());
    // An urgent repair: 3 working days.
    expect(repair).toMatchObject({ status: 'awaiting-appointment', label: 'Mae’r sinc wedi blocio', priority: 'urgent', targetDate: workingDaysAfter(TODAY, 3) });
    expect(repair.appointment).toBeUndefined();
    const [message] = await outbox(repair.reference);
    expect(message).toMatchObject({ channel: 'email', template_id: 'repair-reported-email', personalisation: { has_appointment: 'no', appointment: '', target_date: longDate(workingDaysAfter(TODAY, 3), 'cy'), repair: 'Mae’r sinc wedi blocio' } });

    const unbooked = validate(readRepair, await (await postRepair(server, tapReport(home.flat2, { contact: { preference: 'phone', phone: '01632 960001' } }))).json());
    expect(unbooked.status).toBe('awaiting-appointment');
    expect(await outbox(unbooked.reference)).toEqual([]); // a call was asked for: nothing sent
  });

  it('a leaseholder may report a communal repair, which then shows as already reported to the block (without its reference)', async () => {
    const response = await postRepair(server, { ...tapReport(home.flat3), reporter: 'leaseholder', leafId: 'bin-store-light' });
    expect(response.status).toBe(201);
    const property = validate(readRepairProperty, await (await server.get(`/api/v1/repairs/properties/${home.flat1}`)).json());
    expect(property.communalRepairs.map((r) => r.leafId)).toEqual(expect.arrayContaining(['bin-store-light', 'communal-light-out']));
  });

  it('422 problems: not a council home, a leaseholder’s own repair, emergencies and contact-us jobs, jobs nobody can report', async () => {
    expect(await problemOf(await postRepair(server, tapReport(home.privateHome)))).toMatchObject({ status: 422, body: { type: problemTypes.notCouncilProperty } });
    expect(await problemOf(await postRepair(server, { ...tapReport(home.flat1), reporter: 'leaseholder' }))).toMatchObject({ status: 422, body: { type: problemTypes.notEligible } });
    for (const leafId of ['toilet-only-one-blocked', 'worktop-damaged', 'lost-keys']) {
      expect(await problemOf(await postRepair(server, { ...tapReport(home.flat1), leafId })), leafId).toMatchObject({ status: 422, body: { type: problemTypes.notEligible } });
    }
  });

  it('400 problems, every field at once; 415 for a body that is not JSON', async () => {
    const bad = await problemOf(
      await postRepair(server, {
        uprn: 'abc',
        reporter: 'landlord',
        leafId: 'Tap Dripping',
        description: 'x'.repeat(501),
        photoIds: ['a', 'b', 'c', 'd'],
        contact: { preference: 'text', mobile: '01632 960001' },
        slotId: 'NOT A SLOT',
        extra: 1,
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.path).sort()).toEqual(['/contact/mobile', '/description', '/extra', '/leafId', '/photoIds', '/reporter', '/slotId', '/uprn']);
    const contacts = [
      [{ preference: 'email' }, '/contact/email'],
      [{ preference: 'phone', phone: '12345' }, '/contact/phone'],
      [{ preference: 'carrier-pigeon' }, '/contact/preference'],
    ] as const;
    for (const [contact, path] of contacts) {
      expect((await problemOf(await postRepair(server, tapReport(home.flat1, { contact })))).body.errors, path).toEqual([expect.objectContaining({ path })]);
    }
    expect((await problemOf(await postRepair(server, tapReport(home.flat1, { description: '   ' })))).body.errors).toEqual([expect.objectContaining({ path: '/description' })]);
    expect((await problemOf(await postRepair(server, tapReport(home.flat1, { description: '🔧'.repeat(500) })))).status).toBe(201); // 500 characters, not 1,000 code units
    expect((await problemOf(await postRepair(server, tapReport(home.flat1, { photoIds: ['AAAAAAAAAAAAAAAAAAAAAA'] })))).body.errors).toEqual([expect.objectContaining({ path: '/photoIds/0' })]);
    expect((await problemOf(await postRepair(server, tapReport('999999999999')))).body.errors).toEqual([expect.objectContaining({ path: '/uprn' })]);
    expect((await problemOf(await postRepair(server, { ...tapReport(home.flat1), leafId: 'no-such-leaf' }))).body.errors).toEqual([expect.objectContaining({ path: '/leafId' })]);
    expect((await problemOf(await postRepair(server, { ...tapReport(home.flat1), leafId: 'sink-blocked', slotId: (await freeSlots())[0]!.id }))).body.errors).toEqual([expect.objectContaining({ path: '/slotId' })]);
    expect((await problemOf(await postRepair(server, tapReport(home.flat1, { slotId: (await freeSlots('30110'))[0]!.id })))).body.errors).toEqual([expect.objectContaining({ path: '/slotId' })]); // a carpenter’s slot
    const text = await fetch(new URL('/api/v1/repairs', server.url), { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': 'k1' }, body: '{}' });
    expect(text.status).toBe(415);
  });

  it('requires an Idempotency-Key; the same key replays the same repair, and refuses another body', async () => {
    expect(await problemOf(await postRepair(server, tapReport(home.flat1), null))).toMatchObject({ status: 400, body: { errors: [{ path: '/headers/Idempotency-Key' }] } });
    const first = await postRepair(server, tapReport(home.flat1), 'same-key');
    const again = await postRepair(server, tapReport(home.flat1), 'same-key');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const a = (await first.json()) as ReportedRepair;
    // The same repair; only the manage token is new (see repairs-manage-token.test.ts).
    expect({ ...((await again.json()) as ReportedRepair), manageToken: a.manageToken }).toEqual(a);
    expect(await outbox(a.reference)).toHaveLength(1);
    expect(await problemOf(await postRepair(server, tapReport(home.flat1, { description: 'Another tap' }), 'same-key'))).toMatchObject({ status: 422, body: { type: problemTypes.idempotencyKeyReused } });
  });

  it('409 slot-taken for a full slot; a slot in the past counts as taken', async () => {
    const [slot] = await freeSlots('40210');
    await sql`update repair_slots set booked = capacity where id = ${slot!.id}`.execute(server.db);
    const leaf = { leafId: 'socket-not-working' };
    expect(await problemOf(await postRepair(server, tapReport(home.flat1, { ...leaf, slotId: slot!.id })))).toMatchObject({ status: 409, body: { type: problemTypes.slotTaken } });
    // Yesterday's slot and today's (slots start on the next working day), with room in them.
    for (const date of [addDays(TODAY, -1), TODAY]) {
      const past = slotId('electrician', date, 'am');
      await sql`insert into repair_slots (id, trade_id, date, period, capacity, booked) values (${past}, 'electrician', ${date}, 'am', 2, 0)`.execute(server.db);
      expect(await problemOf(await postRepair(server, tapReport(home.flat1, { ...leaf, slotId: past }))), date).toMatchObject({ status: 409, body: { type: problemTypes.slotTaken } });
    }
  });
});

describe('GET, PATCH and DELETE /api/v1/repairs/{reference}', () => {
  let repair: ReportedRepair;
  let token: string;
  /** The repair with its manage token (`Authorization: Bearer`): the only way to manage it (see repairs-manage-token.test.ts). */
  const path = () => `/api/v1/repairs/${repair.reference}`;
  const auth = () => ({ Authorization: `Bearer ${token}` });
  beforeAll(async () => {
    const [slot] = await freeSlots();
    repair = validate(readReportedRepair, await (await postRepair(server, tapReport(home.flat1, { slotId: slot!.id, contact: { preference: 'email', email: 'flat@example.com' } }))).json());
    token = repair.manageToken;
  });

  it('answers the repair to its manage token, whatever case the reference is in; labels in Welsh with lang=cy', async () => {
    const { manageToken: _, ...expected } = repair;
    const response = await manage(server, 'GET', repair.reference, token);
    expect(response.status).toBe(200);
    expect(validate(readRepair, await response.json())).toEqual(expected);
    const lower = await manage(server, 'GET', repair.reference.toLowerCase(), token, undefined, '?lang=cy');
    expect(validate(readRepair, await lower.json())).toMatchObject({ reference: repair.reference, label: 'Mae tap yn diferu' });
    // The demo repairs have no token: found by reference and postcode, status only.
    const seeded = await (await server.get(`/api/v1/repairs/${seedRepairReferences.booked}/status?postcode=AN1%201AA`)).json();
    expect(seeded).toEqual({ reference: seedRepairReferences.booked, status: 'booked' });
  });

  it('PATCH moves the appointment: books the new slot, releases the old, notifies; the same slot again changes nothing', async () => {
    const oldSlot = await slotOf(repair.reference);
    const target = (await freeSlots()).find((s) => s.id !== oldSlot)!;
    const [oldBefore, newBefore] = [await booked(oldSlot), await booked(target.id)];
    const response = await sendJson(server, 'PATCH', path(), { slotId: target.id }, auth());
    expect(response.status).toBe(200);
    expect(validate(readRepair, await response.json())).toMatchObject({ status: 'booked', appointment: { date: target.date, period: target.period } });
    expect([await booked(oldSlot), await booked(target.id)]).toEqual([oldBefore - 1, newBefore + 1]);
    const moved = (await outbox(repair.reference)).at(-1)!;
    expect(moved).toMatchObject({ channel: 'email', template_id: 'repair-rescheduled-email', recipient: 'flat@example.com', personalisation: { reference: repair.reference, repair: 'A tap is dripping' } });
    expect(moved.personalisation.appointment).not.toBe(moved.personalisation.previous_appointment);

    const count = (await outbox(repair.reference)).length;
    expect((await sendJson(server, 'PATCH', path(), { slotId: target.id }, auth())).status).toBe(200);
    expect(await booked(target.id)).toBe(newBefore + 1);
    expect(await outbox(repair.reference)).toHaveLength(count);
  });

  it('PATCH problems: a taken slot (409, nothing changes), bad body (400), a wrong token (404), an urgent job (422)', async () => {
    const current = validate(readRepair, await (await manage(server, 'GET', repair.reference, token)).json());
    const full = (await freeSlots()).find((s) => s.date !== current.appointment!.date)!;
    await sql`update repair_slots set booked = capacity where id = ${full.id}`.execute(server.db);
    expect(await problemOf(await sendJson(server, 'PATCH', path(), { slotId: full.id }, auth()))).toMatchObject({ status: 409, body: { type: problemTypes.slotTaken } });
    expect(validate(readRepair, await (await manage(server, 'GET', repair.reference, token)).json())).toEqual(current);
    expect((await sendJson(server, 'PATCH', path(), { slot: 'x' }, auth())).status).toBe(400);
    expect((await manage(server, 'PATCH', repair.reference, 'x'.repeat(43), { slotId: full.id })).status).toBe(404);
    const urgent = validate(readReportedRepair, await (await postRepair(server, { ...tapReport(home.flat1), leafId: 'sink-blocked' })).json());
    expect(await problemOf(await manage(server, 'PATCH', urgent.reference, urgent.manageToken, { slotId: (await freeSlots())[0]!.id }))).toMatchObject({ status: 422, body: { type: problemTypes.notEligible } });
  });

  it('DELETE cancels with a reason, releases the slot and notifies; again is harmless; then the token has expired', async () => {
    const slot = await slotOf(repair.reference);
    const before = await booked(slot);
    expect((await sendJson(server, 'DELETE', path(), { reason: 'maybe' }, auth())).status).toBe(400);
    const response = await sendJson(server, 'DELETE', path(), { reason: 'fixed' }, auth());
    expect(response.status).toBe(200);
    const cancelled = validate(readRepair, await response.json());
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'fixed' });
    expect(cancelled.appointment).toBeUndefined();
    expect(await booked(slot)).toBe(before - 1);
    expect((await outbox(repair.reference)).at(-1)).toMatchObject({ template_id: 'repair-cancelled-email', personalisation: { reason: 'It has been fixed' } });
    const messages = (await outbox(repair.reference)).length;

    const again = await sendJson(server, 'DELETE', path(), { reason: 'other', detail: 'Pressed twice' }, auth());
    expect(await problemOf(again)).toMatchObject({ status: 403, body: { type: problemTypes.manageLinkExpired } });
    expect(await booked(slot)).toBe(before - 1);
    expect(await outbox(repair.reference)).toHaveLength(messages);
    expect(await problemOf(await sendJson(server, 'PATCH', path(), { slotId: (await freeSlots())[0]!.id }, auth()))).toMatchObject({ status: 403, body: { type: problemTypes.manageLinkExpired } });
    expect(await (await server.get(`${path()}/status?postcode=AN1%201AA`)).json()).toEqual({ reference: repair.reference, status: 'cancelled' });
  });

  it('a repair completed after it was found cannot be cancelled or moved', async () => {
    const found = validate(readReportedRepair, await (await postRepair(server, tapReport(home.councilHouse))).json());
    await sql`update repairs set status = 'completed' where reference = ${found.reference}`.execute(server.db);
    expect(await (await server.get(`/api/v1/repairs/${found.reference}/status?postcode=AN1%201AA`)).json()).toMatchObject({ status: 'completed' });
    expect(await problemOf(await manage(server, 'DELETE', found.reference, found.manageToken, { reason: 'fixed' }))).toMatchObject({ status: 403, body: { type: problemTypes.manageLinkExpired } });
    expect(await problemOf(await manage(server, 'PATCH', found.reference, found.manageToken, { slotId: (await freeSlots())[0]!.id }))).toMatchObject({ status: 403, body: { type: problemTypes.manageLinkExpired } });
  });
});
