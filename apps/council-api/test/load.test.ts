import autocannon, { type AutocannonRequest } from 'autocannon';
import { problemTypes } from '@council-kit/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { mulberry32 } from '../src/random.js';
import { TODAY } from './dates.js';
import { rows, startTestServer, type TestServer } from './helpers.js';
import { startPayStub, STUB_KEY, type PayStub } from './pay-stub.js';
import { lastCollections } from './waste-support.js';

/**
 * A bounded load test: a fixed number of requests (no duration), 20 connections, loopback only.
 * Missed-bin reports, container requests, repair reports and appointment bookings fired at once,
 * each with its own Idempotency-Key, some keys sent twice (same body) and a few reused with a
 * different body. Then, from the answers and the database: no 5xx and no connection errors,
 * every success has a reference no other key got, every key sent twice got one record and the
 * same reference both times, every stored record was answered (and every answer stored), and
 * no appointment slot was booked past its capacity, and every charged container request made
 * exactly one GOV.UK Pay payment (a local stub). Timings are printed, never asserted.
 */

const CONNECTIONS = 20;
/** The staff API's token: staff reads run beside the submissions. */
const STAFF_TOKEN = 'load-staff-token-0123456789abcdef0123';
const MISSED = 50;
const CONTAINERS = 40;
const REPAIRS = 50;
/** Spread over three slots, more than they have room for. */
const BOOKINGS = 24;
/** Repairs whose one-time codes are asked for and tried at once. */
const CODE_REPAIRS = 12;

type Kind = 'missed' | 'container' | 'repair' | 'booking' | 'probe' | 'staff';
interface Job {
  kind: Kind;
  method: 'GET' | 'POST';
  path: string;
  key?: string;
  body?: string;
  slot?: string;
  /** Sent twice with the same key and a different body: only one may be stored. */
  conflicting?: boolean;
  headers?: Record<string, string>;
}
interface Answer {
  job: Job;
  status: number;
  body: string;
  replayed: boolean;
}

let server: TestServer;
const jobs: Job[] = [];
const slotsBefore = new Map<string, { capacity: number; booked: number }>();
const referencesBefore = { missed: new Set<string>(), container: new Set<string>(), repair: new Set<string>() };


const referencesIn = async (table: 'missed_collection_reports' | 'container_requests' | 'repairs') =>
  new Set((await rows(server, sql<{ reference: string }>`select reference from ${sql.table(table)}`)).map((r) => r.reference));

let pay: PayStub;

beforeAll(async () => {
  pay = await startPayStub();
  server = await startTestServer({
    clock: fixedClock(TODAY),
    rateLimitPerMinute: 10_000_000,
    staffApiTokens: [STAFF_TOKEN],
    trustProxy: true,
    pay: { apiKey: STUB_KEY, baseUrl: pay.url, returnUrl: 'https://www.anytown.example/bins/new-bin/' },
    containerPrices: { refuse: 3500, recycling: 3500, garden: 4000 },
  });

  // Missed collections are stored once per property, service and date whatever the key, so each
  // key gets a collection of its own: ones that can be reported today, by the seed's rounds.
  const reportable = (await lastCollections(server.db, TODAY, { open: true })).map(({ uprn, serviceId, collectionDate }) => ({ uprn, serviceId, date: collectionDate }));
  const councilHomes = (await rows(server, sql<{ uprn: string }>`select uprn from addresses where council_owned = 1 order by uprn limit 60`)).map((r) => r.uprn);
  const slotsResponse = await server.get(`/api/v1/repairs/slots?sor=${encodeURIComponent(await tapSor())}&uprn=${councilHomes[0]}`);
  const slots = ((await slotsResponse.json()) as { slots: { id: string }[] }).slots.slice(0, 3).map((s) => s.id);
  expect(slots).toHaveLength(3);
  expect(reportable.length).toBeGreaterThanOrEqual(MISSED);
  expect(councilHomes.length).toBeGreaterThanOrEqual(40);
  expect(slots.length).toBeGreaterThan(0);
  for (const slot of slots) {
    const [state] = await rows(server, sql<{ capacity: number; booked: number }>`select capacity, booked from repair_slots where id = ${slot}`);
    slotsBefore.set(slot, { capacity: Number(state!.capacity), booked: Number(state!.booked) });
  }
  referencesBefore.missed = await referencesIn('missed_collection_reports');
  referencesBefore.container = await referencesIn('container_requests');
  referencesBefore.repair = await referencesIn('repairs');

  const json = (value: unknown) => JSON.stringify(value);
  const base: Job[] = [];
  reportable.slice(0, MISSED).forEach(({ uprn, serviceId, date }, i) =>
    base.push({ kind: 'missed', method: 'POST', path: '/api/v1/waste/missed-collections', key: `load-missed-${i}`, body: json({ uprn, serviceId, collectionDate: date, binOutInTime: true, contact: { email: `resident${i}@example.com` } }) }),
  );
  for (let i = 0; i < CONTAINERS; i++) {
    const reason = ['lost', 'stolen', 'damaged', 'additional'][i % 4];
    base.push({ kind: 'container', method: 'POST', path: '/api/v1/waste/container-requests', key: `load-container-${i}`, body: json({ uprn: '100070000112', containerId: ['refuse', 'recycling', 'food'][i % 3], reason, contact: {} }) });
  }
  for (let i = 0; i < REPAIRS; i++) {
    base.push({ kind: 'repair', method: 'POST', path: '/api/v1/repairs', key: `load-repair-${i}`, body: json(tap(councilHomes[i % councilHomes.length]!, `Report ${i}: the kitchen tap drips.`)) });
  }
  // More bookings than places: some must be told the slot has gone, none may overbook it.
  for (let i = 0; i < BOOKINGS; i++) {
    const slot = slots[i % slots.length]!;
    base.push({ kind: 'booking', method: 'POST', path: '/api/v1/repairs', key: `load-booking-${i}`, slot, body: json({ ...tap(councilHomes[(i + 7) % councilHomes.length]!, `Booking ${i}.`), slotId: slot }) });
  }
  for (let i = 0; i < 16; i++) base.push({ kind: 'probe', method: 'GET', path: i % 2 ? '/api/v1/addresses?postcode=AN1%201AA' : '/oruk/services?search=library' });
  const staffPaths = ['/api/v1/staff/submissions?pageSize=100', '/api/v1/staff/submissions?format=csv', '/api/v1/staff/deliveries?status=pending&pageSize=100', '/api/v1/staff/submissions?type=repair&delivery=pending'];
  for (let i = 0; i < 12; i++) base.push({ kind: 'staff', method: 'GET', path: staffPaths[i % staffPaths.length]!, headers: { Authorization: `Bearer ${STAFF_TOKEN}` } });

  // Shuffle, then send some keys again a few places later (so the two are in flight together),
  // and reuse a few repair keys with another body.
  // The seed data's generator, so the job order is the same on every run.
  const rand = mulberry32(20_261_125);
  for (let i = base.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [base[i], base[j]] = [base[j]!, base[i]!];
  }
  jobs.push(...base);
  const twins = base.filter((job) => job.kind !== 'probe' && job.kind !== 'staff' && job.kind !== 'booking' && rand() < 0.15);
  for (const twin of twins) jobs.splice(Math.min(jobs.length, jobs.indexOf(twin) + 1 + Math.floor(rand() * CONNECTIONS)), 0, { ...twin });
  const conflicts = base.filter((job) => job.kind === 'repair' && !twins.includes(job)).slice(0, 5);
  for (const original of conflicts) {
    original.conflicting = true;
    const other: Job = { ...original, body: original.body!.replace('drips', 'leaks') };
    jobs.splice(jobs.indexOf(original) + 1 + Math.floor(rand() * 5), 0, other);
  }
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await pay?.close();
});

async function tapSor(): Promise<string> {
  const catalogue = (await (await server.get('/api/v1/repairs/catalogue')).json()) as { locations: { problems: { leaves: { id: string; sor: string }[] }[] }[] };
  return catalogue.locations.flatMap((l) => l.problems.flatMap((p) => p.leaves)).find((leaf) => leaf.id === 'tap-dripping')!.sor;
}

function tap(uprn: string, description: string): Record<string, unknown> {
  return { uprn, reporter: 'tenant', leafId: 'tap-dripping', description, photoIds: [], contact: { preference: 'email', email: 'tenant@example.com' } };
}

const referenceOf = (answer: Answer): string => (JSON.parse(answer.body) as { reference: string }).reference;

describe('bounded load: concurrent submissions with idempotency keys', () => {
  it(`${CONNECTIONS} connections: nothing fails, nothing is lost, nothing is stored twice, no slot is overbooked`, async () => {
    const answers: Answer[] = [];
    let next = 0;
    const request: AutocannonRequest = {
      setupRequest: (req, context): AutocannonRequest => {
        // Jobs go out in order; a request set up after the last job (autocannon prepares one
        // more per connection than it sends) is a harmless probe that is never sent.
        const job = jobs[next++] ?? { kind: 'probe', method: 'GET', path: '/healthz' };
        context.job = job;
        return {
          ...req,
          method: job.method,
          path: job.path,
          headers: job.method === 'POST' ? { 'Content-Type': 'application/json', 'Idempotency-Key': job.key! } : (job.headers ?? ({} as Record<string, string>)),
          body: job.body ?? '',
        };
      },
      onResponse: (status, body, context, headers) => {
        answers.push({ job: context.job as Job, status, body, replayed: headers['idempotent-replayed'] === 'true' });
      },
    };
    const result = await autocannon({ url: server.url, connections: CONNECTIONS, amount: jobs.length, timeout: 30, requests: [request] });
    const counts = Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, Number(count)]));
    console.log(
      `load: ${jobs.length} requests over ${CONNECTIONS} connections in ${result.duration.toFixed(1)} s; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; statuses ${JSON.stringify(counts)}`,
    );

    // Every request was answered, and never with a 5xx.
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result['5xx']).toBe(0);
    expect(answers).toHaveLength(jobs.length);
    expect(new Set(answers.map((a) => a.job)).size).toBe(jobs.length); // each job answered once
    for (const answer of answers) {
      expect(answer.status, `${answer.job.kind} ${answer.job.key ?? answer.job.path}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
    }

    // The staff reads, beside the writes, all answered.
    expect(answers.filter((a) => a.job.kind === 'staff').map((a) => a.status)).toEqual(Array(12).fill(200));

    // By key: what each kind of request must have been told.
    const byKey = new Map<string, Answer[]>();
    for (const answer of answers) if (answer.job.key) byKey.set(answer.job.key, [...(byKey.get(answer.job.key) ?? []), answer]);
    const referenceByKey = new Map<string, string>();
    for (const [key, group] of byKey) {
      const kind = group[0]!.job.kind;
      const ok = group.filter((a) => a.status >= 200 && a.status < 300);
      const describe = `${key}: ${group.map((a) => `${a.status} ${a.body.slice(0, 120)}`).join(' | ')}`;
      if (group[0]!.job.conflicting) {
        // Same key, two bodies: one is stored, the other is refused as a reused key.
        expect(ok, describe).toHaveLength(1);
        expect(group.filter((a) => a.status === 422).map((a) => JSON.parse(a.body).type), describe).toEqual([problemTypes.idempotencyKeyReused]);
      } else if (kind === 'booking') {
        expect(group, describe).toHaveLength(1);
        if (group[0]!.status !== 201) {
          expect(group[0]!.status, describe).toBe(409);
          expect(JSON.parse(group[0]!.body).type, describe).toBe(problemTypes.slotTaken);
        }
      } else {
        // Sent once or twice with the same body: stored once, and the same answer each time.
        expect(ok, describe).toHaveLength(group.length);
        expect(ok.filter((a) => a.status === 201 && !a.replayed), describe).toHaveLength(1);
        expect(new Set(ok.map(referenceOf)).size, describe).toBe(1);
        if (group.length > 1) expect(ok.filter((a) => a.replayed), describe).toHaveLength(group.length - 1);
      }
      if (ok.length) referenceByKey.set(key, referenceOf(ok[0]!));
    }
    expect([...byKey.values()].filter((g) => g.length > 1 && !g[0]!.job.conflicting).length).toBeGreaterThan(10); // twins were sent

    // Every key that succeeded has a reference of its own.
    expect(new Set(referenceByKey.values()).size).toBe(referenceByKey.size);

    // The database holds exactly the records that were answered: none lost, none extra.
    const answered = (...kinds: Kind[]) => new Set([...referenceByKey].filter(([key]) => kinds.includes(byKey.get(key)![0]!.job.kind)).map(([, reference]) => reference));
    const added = (after: Set<string>, before: Set<string>) => new Set([...after].filter((r) => !before.has(r)));
    expect(added(await referencesIn('missed_collection_reports'), referencesBefore.missed)).toEqual(answered('missed'));
    expect(added(await referencesIn('container_requests'), referencesBefore.container)).toEqual(answered('container'));
    expect(added(await referencesIn('repairs'), referencesBefore.repair)).toEqual(answered('repair', 'booking'));
    expect(answered('missed').size).toBe(MISSED);
    expect(answered('container').size).toBe(CONTAINERS);
    expect(answered('repair').size).toBe(REPAIRS);

    // One back-office event per stored submission, queued in its transaction: none for a refused
    // or replayed request, none twice.
    const events = await rows(server, sql<{ reference: string; type: string }>`select reference, type from handoff_deliveries`);
    const eventsOf = new Map<string, string[]>();
    for (const event of events) eventsOf.set(event.reference, [...(eventsOf.get(event.reference) ?? []), event.type]);
    const expectedType: Partial<Record<Kind, string>> = { missed: 'missed-collection.reported', container: 'container.requested', repair: 'repair.reported', booking: 'repair.reported' };
    // A charged container request (not food caddies) waits for its payment: no event until paid.
    const charged = (key: string) => byKey.get(key)![0]!.job.kind === 'container' && !byKey.get(key)![0]!.job.body!.includes('"food"');
    for (const [key, reference] of referenceByKey) expect(eventsOf.get(reference), key).toEqual(charged(key) ? undefined : [expectedType[byKey.get(key)![0]!.job.kind]]);
    expect(events).toHaveLength([...referenceByKey.keys()].filter((key) => !charged(key)).length);

    // GOV.UK Pay: one payment per charged request, however often its key was sent; none for free ones.
    expect(pay.refused).toEqual([]);
    for (const [key, reference] of referenceByKey) {
      if (byKey.get(key)![0]!.job.kind !== 'container') continue;
      expect(pay.payments.filter((p) => p.reference === reference), key).toHaveLength(charged(key) ? 1 : 0);
    }

    // Each slot: booked exactly as often as a booking was confirmed, never past its capacity.
    for (const [slot, before] of slotsBefore) {
      const [after] = await rows(server, sql<{ capacity: number; booked: number }>`select capacity, booked from repair_slots where id = ${slot}`);
      const confirmed = [...byKey.values()].filter((g) => g[0]!.job.slot === slot && g[0]!.status === 201).length;
      const stored = await rows(server, sql<{ reference: string }>`select reference from repairs where slot_id = ${slot}`);
      expect(Number(after!.booked), slot).toBe(before.booked + confirmed);
      expect(Number(after!.booked), slot).toBeLessThanOrEqual(Number(after!.capacity));
      expect(stored.filter((r) => !referencesBefore.repair.has(r.reference)), slot).toHaveLength(confirmed);
      expect(confirmed, slot).toBe(Math.min(BOOKINGS / 3, before.capacity - before.booked));
    }
  }, 60_000);

  it('one-time codes under load: asked for at once across repairs, each code exchanged once however many try it together', async () => {
    const councilHomes = (await rows(server, sql<{ uprn: string }>`select uprn from addresses where council_owned = 1 and postcode = 'AN1 1AA' order by uprn limit 3`)).map((r) => r.uprn);
    const references: string[] = [];
    for (let i = 0; i < CODE_REPAIRS; i++) {
      const response = await fetch(new URL('/api/v1/repairs', server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `load-code-${i}` },
        body: JSON.stringify(tap(councilHomes[i % councilHomes.length]!, `Code ${i}.`)),
      });
      references.push(((await response.json()) as { reference: string }).reference);
    }
    // Each repair asked from its own address (behind the trusted proxy), so the per-client guess limit is not what is tested.
    const from = (i: number) => ({ 'Content-Type': 'application/json', 'X-Forwarded-For': `198.51.100.${i + 1}` });
    const fire = async (requests: { path: string; body: string; headers: Record<string, string>; tag: string }[]) => {
      const answers: { tag: string; status: number; body: string }[] = [];
      let next = 0;
      const result = await autocannon({
        url: server.url,
        connections: Math.min(CONNECTIONS, requests.length),
        amount: requests.length,
        timeout: 30,
        requests: [
          {
            setupRequest: (req, context): AutocannonRequest => {
              const job = requests[next++] ?? { path: '/healthz', body: '', headers: {}, tag: 'spare' };
              context.tag = job.tag;
              return { ...req, method: job.path === '/healthz' ? 'GET' : 'POST', path: job.path, headers: job.headers, body: job.body };
            },
            onResponse: (status, body, context) => answers.push({ tag: context.tag as string, status, body }),
          },
        ],
      });
      expect(result.errors).toBe(0);
      expect(result['5xx']).toBe(0);
      expect(answers).toHaveLength(requests.length);
      return answers;
    };

    const asked = await fire(references.map((reference, i) => ({ path: `/api/v1/repairs/${reference}/code`, body: JSON.stringify({ postcode: 'AN1 1AA' }), headers: from(i), tag: reference })));
    expect(asked.map((a) => a.status)).toEqual(references.map(() => 202));
    const codes = new Map<string, string>();
    for (const message of await rows(server, sql<{ reference: string; personalisation: string }>`select reference, personalisation from notify_outbox where template_id = 'repair-code-email'`)) {
      if (references.includes(message.reference)) codes.set(message.reference, (JSON.parse(message.personalisation) as { code: string }).code);
    }
    expect(codes.size).toBe(CODE_REPAIRS);

    // Per repair: the right code three times and a wrong one once, all in flight together.
    const tries = references.flatMap((reference, i) => {
      const code = codes.get(reference)!;
      const wrong = code === '000000' ? '000001' : '000000';
      return [code, wrong, code, code].map((c) => ({ path: `/api/v1/repairs/${reference}/token`, body: JSON.stringify({ postcode: 'AN1 1AA', code: c }), headers: from(i), tag: reference }));
    });
    const rand = mulberry32(42);
    for (let i = tries.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [tries[i], tries[j]] = [tries[j]!, tries[i]!];
    }
    const exchanged = await fire(tries);
    for (const reference of references) {
      const group = exchanged.filter((a) => a.tag === reference);
      const describe = `${reference}: ${group.map((a) => `${a.status} ${a.body.slice(0, 80)}`).join(' | ')}`;
      expect(group.map((a) => a.status).sort(), describe).toEqual([201, 422, 422, 422]);
      const { manageToken } = JSON.parse(group.find((a) => a.status === 201)!.body) as { manageToken: string };
      expect((await fetch(new URL(`/api/v1/repairs/${reference}`, server.url), { headers: { Authorization: `Bearer ${manageToken}` } })).status, reference).toBe(200);
    }
    const tokens = await rows(server, sql<{ reference: string }>`select reference from repair_manage_tokens`);
    expect(tokens.map((t) => t.reference).sort()).toEqual([...references].sort());
  }, 60_000);
});
