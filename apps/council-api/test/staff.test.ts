import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { csvCell } from '../src/staff/csv.js';
import { TODAY } from './dates.js';
import { movableClock, postJson, rows, startTestServer, type TestServer } from './helpers.js';
import { homes, reportWithToken, tapReport, type Homes } from './repairs-helpers.js';
import { reportableToday } from './waste-support.js';

/**
 * The staff API: bearer tokens from STAFF_API_TOKENS, no CORS for any origin, no caching; the
 * submissions list (filters, paging, CSV with formula injection guarded) and the deliveries.
 */

const TOKEN = 'staff-token-one-0123456789abcdef0123';
const OTHER = 'staff-token-two-0123456789abcdef0123';
const ALLOWED_ORIGIN = 'https://www.anytown.example';
const clock = movableClock(TODAY);
let server: TestServer;
let home: Homes;
const references = { missed: '', container: '', repair: '', formula: '' };

const staff = (path: string, init: RequestInit = {}, token: string | null = TOKEN) =>
  server.get(path, { ...init, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
interface Item {
  reference: string;
  type: string;
  status: string;
  delivery: { state: string; attempts: number; events: unknown[] };
  payment: { state: string };
  contact: Record<string, unknown>;
  details: Record<string, unknown>;
}
type Page = { items: Item[]; page: number; pageSize: number; total: number };
const list = async (query: string) => {
  const response = await staff(`/api/v1/staff/submissions${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
};

beforeAll(async () => {
  server = await startTestServer({ clock, rateLimitPerMinute: 100_000, staffApiTokens: [TOKEN, OTHER], corsOrigins: [ALLOWED_ORIGIN] });
  home = await homes(server);
  const [collection] = await reportableToday(server.db, TODAY, 1);
  const missed = await postJson(server, '/api/v1/waste/missed-collections', { uprn: collection!.uprn, serviceId: collection!.serviceId, collectionDate: collection!.collectionDate, binOutInTime: true, contact: { email: 'a@example.com' } });
  references.missed = ((await missed.json()) as { reference: string }).reference;
  const container = await postJson(server, '/api/v1/waste/container-requests', { uprn: collection!.uprn, containerId: 'food', reason: 'lost', contact: {} });
  references.container = ((await container.json()) as { reference: string }).reference;
  references.repair = (await reportWithToken(server, tapReport(home.flat1))).reference;
  references.formula = (await reportWithToken(server, tapReport(home.flat2, { description: '=HYPERLINK("https://evil.example","Click, please")' }))).reference;
});

afterAll(async () => {
  await server?.stop();
});

describe('staff authentication', () => {
  it('no token or a wrong one: 401 with WWW-Authenticate Bearer; either configured token: 200, no-store', async () => {
    for (const token of [null, 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const response = await staff('/api/v1/staff/submissions', {}, token);
      expect(response.status, String(token)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="council-kit-staff"/);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const text = await response.text();
      expect(text).not.toContain(TOKEN);
    }
    for (const token of [TOKEN, OTHER]) {
      const response = await staff('/api/v1/staff/submissions', {}, token);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect((await staff('/api/v1/staff/deliveries', {}, 'Basic x')).status).toBe(401);
    expect((await server.get('/api/v1/staff/deliveries', { headers: { Authorization: `Basic ${TOKEN}` } })).status).toBe(401);
  });

  it('no STAFF_API_TOKENS: the staff API answers 404, as if it were not there', async () => {
    const app = createApp({ db: server.db, config: { ...server.config, staffApiTokens: [] }, clock });
    for (const path of ['/api/v1/staff/submissions', '/api/v1/staff/deliveries']) {
      const response = await app.request(path, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(404);
    }
  });

  it('never CORS, even for an allowed origin; preflights refused', async () => {
    // The allowed origin gets CORS on residents' routes (so this test can fail)…
    const resident = await server.get('/api/v1/repairs/catalogue', { headers: { Origin: ALLOWED_ORIGIN } });
    expect(resident.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    // …and none on the staff API, authorised or not, nor on its preflight.
    for (const token of [TOKEN, null]) {
      const response = await staff('/api/v1/staff/submissions', { headers: { Origin: ALLOWED_ORIGIN } }, token);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    const preflight = await server.get('/api/v1/staff/submissions', { method: 'OPTIONS', headers: { Origin: ALLOWED_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('STAFF_API_TOKENS and HANDOFF_* are checked, and errors never repeat a secret', () => {
    const secret = 'short-secret';
    for (const env of [
      { STAFF_API_TOKENS: `${TOKEN},${secret}` },
      { HANDOFF_WEBHOOK_URL: 'https://backoffice.anytown.example/events', HANDOFF_WEBHOOK_SECRET: secret },
      { HANDOFF_WEBHOOK_URL: 'https://backoffice.anytown.example/events' },
      { HANDOFF_WEBHOOK_URL: 'http://backoffice.anytown.example/events', HANDOFF_WEBHOOK_SECRET: TOKEN },
      { HANDOFF_WEBHOOK_URL: 'https://user:pass@backoffice.anytown.example/', HANDOFF_WEBHOOK_SECRET: TOKEN },
    ]) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(/^(STAFF_API_TOKENS|HANDOFF_WEBHOOK_URL|HANDOFF_WEBHOOK_SECRET) /);
      try {
        loadConfig(env);
      } catch (error) {
        expect((error as Error).message).not.toContain(secret);
        expect((error as Error).message).not.toContain('pass');
      }
    }
    expect(loadConfig({ STAFF_API_TOKENS: ` ${TOKEN} , ${OTHER} ` }).staffApiTokens).toEqual([TOKEN, OTHER]);
    expect(loadConfig({}).staffApiTokens).toEqual([]);
    expect(loadConfig({ HANDOFF_WEBHOOK_URL: 'http://127.0.0.1:9000/hook', HANDOFF_WEBHOOK_SECRET: TOKEN })).toMatchObject({ handoffWebhookUrl: 'http://127.0.0.1:9000/hook', handoffWebhookSecret: TOKEN });
    expect(loadConfig({ HANDOFF_WEBHOOK_URL: 'https://backoffice.anytown.example/events', HANDOFF_WEBHOOK_SECRET: TOKEN }).handoffWebhookUrl).toBe('https://backoffice.anytown.example/events');
  });
});

describe('GET /api/v1/staff/submissions', () => {
  it('lists every kind with its delivery and payment state and what the back office needs', async () => {
    const { items, total } = await list('?pageSize=100');
    expect(total).toBe(items.length);
    const byRef = new Map(items.map((item) => [item.reference, item]));
    expect(byRef.get(references.missed)).toMatchObject({ type: 'missed-collection', status: 'received', delivery: { state: 'pending', attempts: 0 }, payment: { state: 'not-applicable' }, contact: { email: 'a@example.com' } });
    expect(byRef.get(references.container)).toMatchObject({ type: 'container-request', payment: { state: 'not-required' }, details: { containerId: 'food', reason: 'lost', charged: false } });
    expect(byRef.get(references.repair)).toMatchObject({ type: 'repair', status: 'awaiting-appointment', details: { sor: '20110', trade: 'plumber' }, contact: { preference: 'text', mobile: '07700900982' } });
    expect(byRef.get(references.repair)!.delivery.events).toHaveLength(1);
    // The seeded demo repairs were never queued: `none`.
    expect(items.some((item) => item.type === 'repair' && item.delivery.state === 'none')).toBe(true);
    // Newest first.
    const times = items.map((item) => (item as unknown as { submittedAt: string }).submittedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('filters by type, delivery state and time, and pages', async () => {
    expect((await list('?type=container-request')).items.map((i) => i.reference)).toEqual([references.container]);
    expect((await list('?type=missed-collection&delivery=pending')).items.map((i) => i.reference)).toEqual([references.missed]);

    await sql`update handoff_deliveries set status = 'dead', attempts = 7, last_error = 'HTTP 500' where reference = ${references.repair}`.execute(server.db);
    const dead = await list('?delivery=dead');
    expect(dead.items.map((i) => i.reference)).toEqual([references.repair]);
    expect(dead.items[0]!.delivery).toMatchObject({ state: 'dead', attempts: 7, lastError: 'HTTP 500' });
    expect((await list('?delivery=none&type=missed-collection')).total).toBe(0);

    const all = await list('?pageSize=100');
    const first = await list('?pageSize=2&page=1');
    const second = await list('?pageSize=2&page=2');
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((i) => i.reference)).toEqual(all.items.slice(0, 4).map((i) => i.reference));

    const at = (await rows(server, sql<{ created_at: string }>`select created_at from container_requests where reference = ${references.container}`))[0]!.created_at;
    expect((await list(`?type=container-request&since=${encodeURIComponent(at)}`)).total).toBe(1);
    expect((await list(`?type=container-request&until=${encodeURIComponent(at)}`)).total).toBe(0);
    expect((await list(`?type=container-request&since=${TODAY}&until=${TODAY}`)).total).toBe(1);
  });

  it('refuses bad filters with a 400 naming each one', async () => {
    const response = await staff('/api/v1/staff/submissions?type=bins&delivery=lost&since=yesterday&until=2026-02-30&page=0&pageSize=1000&format=xml');
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path).sort()).toEqual(['/delivery', '/format', '/page', '/pageSize', '/since', '/type', '/until']);
  });

  it('exports CSV (format=csv or Accept: text/csv), quoting fields and defusing formulas', async () => {
    for (const response of [await staff('/api/v1/staff/submissions?format=csv&type=repair'), await staff('/api/v1/staff/submissions?type=repair', { headers: { Accept: 'text/csv' } })]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const text = await response.text();
      const lines = text.split('\r\n');
      expect(lines[0]).toBe('reference,type,submittedAt,status,deliveryState,deliveryAttempts,deliveryLastError,paymentState,uprn,address,contactEmail,contactPhone,details');
      expect(lines.filter(Boolean).length - 1).toBe(Number(response.headers.get('x-total-count')));
      const formula = lines.find((line) => line.startsWith(`${references.formula},`))!;
      // The description sits inside the JSON details cell: quoted, its quotes doubled.
      expect(formula).toContain('=HYPERLINK(\\""https://evil.example\\"",\\""Click, please\\"")');
    }
    expect(csvCell('=SUM(A1:A9)')).toBe(`"'=SUM(A1:A9)"`);
    expect(csvCell('+44 7700 900982')).toBe(`"'+44 7700 900982"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@cmd')).toBe(`"'@cmd"`);
    expect(csvCell('a "quoted", value\nnext')).toBe('"a ""quoted"", value\nnext"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });
});
