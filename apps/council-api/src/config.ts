import { fileURLToPath } from 'node:url';
import { defaultSources, loadSourcesConfig, SourcesConfigError, type SourcesConfig } from './sources/config.js';
import { defaultGardenConfig, readGardenConfig, type GardenConfig } from './garden-config.js';
import { addDays, containerIds, containerReasons, type ContainerId, type ContainerReason } from '@council-kit/contracts';
import { bankHolidayDivisions, type BankHolidayDivision } from './db/import-tables.js';

export const logLevels = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Everything the API can be configured with. Read from the environment by {@link loadConfig}. */
export interface Config {
  /** TCP port; 0 asks the OS for a free one. */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** A SQLite file path (optionally `file:` or `sqlite:` prefixed), `:memory:`, or `postgres://…`. */
  databaseUrl: string;
  /** PostgreSQL only: most connections this instance opens. */
  databasePoolSize: number;
  /** Origins allowed to call `/api/*` from a browser. `/oruk/*` is open to every origin. */
  corsOrigins: string[];
  /** Requests per minute per client IP address (everything but the ORUK feed). */
  rateLimitPerMinute: number;
  /**
   * Requests per minute per client IP address to the ORUK feed (`/oruk/*`), counted apart from
   * the rest: high enough that a harvester fetching every service by id is not throttled.
   */
  orukRateLimitPerMinute: number;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Postcode areas (the letters before the first digit) the council serves. */
  postcodeAreas: string[];
  /** Take the client IP from `X-Forwarded-For` (only behind a proxy you run). */
  trustProxy: boolean;
  logLevel: LogLevel;
  /**
   * A fixed "today" (`YYYY-MM-DD`) for demos and tests only: the whole API then runs as if it
   * were that day in Europe/London (answers, stored timestamps, purges, the seed of a fresh
   * database; see `fixedClock`). Unset in production (the real date and time are used).
   */
  councilToday?: string;
  /** Where a charged container request sends the resident to pay: `${paymentUrlBase}/${reference}`. https only. */
  paymentUrlBase: string;
  /** The council's charge rule: the request reasons each container is charged for. */
  containerCharges: ContainerCharges;
  /** The garden waste subscribe/renew page, given as `renewUrl` when a subscription is not active. */
  gardenSubscriptionUrl: string;
  /**
   * A JSON file holding the council's own repairs catalogue (`REPAIRS_CATALOGUE_FILE`),
   * checked when the API starts; unset: the Anytown example catalogue.
   */
  repairsCatalogueFile?: string;
  /**
   * Days personal data is kept after a submission is closed (`RETENTION_DAYS`, 1–3650): then
   * `purgeExpired` blanks it, keeping only what staff count and the reference still answers.
   */
  retentionDays: number;
  /**
   * GOV.UK Notify (`NOTIFY_API_KEY`, `NOTIFY_BASE_URL`, `NOTIFY_TEMPLATES_FILE`): with a key the
   * server drains the outbox through Notify (see `src/outbox/`); without, nothing is sent. The
   * key is a secret: never logged, returned or put in an error message.
   */
  notifyApiKey?: string;
  notifyBaseUrl?: string;
  notifyTemplatesFile?: string;
  /**
   * GOV.UK Pay (`PAY_API_KEY`, `PAY_BASE_URL`, `PAY_RETURN_URL`): when set, a charged container
   * request creates a payment and is handed to the back office only once paid. Unset: the
   * resident is sent to `paymentUrlBase` as before.
   */
  pay?: PayConfig;
  /** What each charged container costs, in pence (`CONTAINER_PRICES`); needed with {@link pay}. */
  containerPrices: ContainerPrices;
  /** Where accepted submissions are POSTed for the back office (`HANDOFF_WEBHOOK_URL`); unset: queued, not sent. */
  handoffWebhookUrl?: string;
  /** The HMAC key signing each delivery (`HANDOFF_WEBHOOK_SECRET`, at least 32 characters); required with the URL. */
  handoffWebhookSecret?: string;
  /** Bearer tokens for `/api/v1/staff/*` (`STAFF_API_TOKENS`, comma-separated, each at least 32 characters); none: no staff API. */
  staffApiTokens: string[];
  /**
   * The council's page with `<council-repair-appointment>` (`REPAIRS_MANAGE_URL`, https): when
   * set, the repair-reported confirmation carries the manage link (`manage_link`); unset, it is empty.
   */
  repairsManageUrl?: string;
  /** Where addresses and collections come from (`ADDRESS_SOURCE`, `OS_PLACES_*`, `WASTE_SOURCE`, `UKBCD_*`): see `sources/config.ts`. */
  sources: SourcesConfig;
  /**
   * Whose bank holidays move collections and close the report window (`BANK_HOLIDAY_DIVISION`:
   * `england-and-wales`, `scotland` or `northern-ireland`; unset: England and Wales). The
   * division's list comes from `council-api import bank-holidays`; the computed England and
   * Wales list covers any year not imported.
   */
  bankHolidayDivision?: BankHolidayDivision;
  /** Garden waste subscriptions: price, concession, bins, year, pro-rata, words (`GARDEN_*`, see garden-config.ts). */
  garden: GardenConfig;
  /**
   * `COUNCIL_DEMO=anytown`: an empty database gets the fictional Anytown demo data when the API
   * starts (demos, the example site, the tests). Unset (production): nothing is seeded, and the
   * API answers empty results until the council's data is imported (`council-api import …`).
   */
  councilDemo?: CouncilDemo;
  /** A JSON file holding the council's bulky waste catalogue (`BULKY_CATALOGUE_FILE`), checked at start; unset: Anytown's. */
  bulkyCatalogueFile?: string;
  /** The council's page with `<council-bulky-waste>`: booking messages carry the manage link to it (`BULKY_MANAGE_URL`). */
  bulkyManageUrl?: string;
  /** With GOV.UK Pay: the page with `<council-bulky-waste>` a resident comes back to (`BULKY_PAY_RETURN_URL`); unset: `PAY_RETURN_URL`. */
  bulkyPayReturnUrl?: string;
  /**
   * With GOV.UK Pay: how long a charged bulky booking holds its slots unpaid before it is
   * cancelled and they go back (`BULKY_UNPAID_HOLD_MINUTES`, default 180: Pay's 90-minute
   * session, the payment poller's give-up, and time to pay again after a failed card).
   */
  bulkyUnpaidHoldMinutes: number;
}

/** The demo data sets `COUNCIL_DEMO` may name: only the fictional Anytown. */
export const councilDemos = ['anytown'] as const;
export type CouncilDemo = (typeof councilDemos)[number];

/** How to reach GOV.UK Pay. The key is a secret: it is sent to Pay and nowhere else. */
export interface PayConfig {
  apiKey: string;
  /** `https://publicapi.payments.service.gov.uk` unless a test points it at a stub. */
  baseUrl: string;
  /** The council page a resident comes back to from Pay (https, no query: the API adds its own). */
  returnUrl: string;
}

/** Per container, its price in pence. */
export type ContainerPrices = Partial<Record<ContainerId, number>>;

/** GOV.UK Pay's public API. */
export const defaultPayBaseUrl = 'https://publicapi.payments.service.gov.uk';


/** Per container (the contract's `containerIds` and `containerReasons`), the reasons a request is charged for (a container left out is free). */
export type ContainerCharges = Partial<Record<ContainerId, ContainerReason[]>>;

/** `apps/council-api/data/council.sqlite`, resolved from this package rather than the cwd. */
export const defaultDatabaseUrl = fileURLToPath(new URL('../data/council.sqlite', import.meta.url));

export const defaultCorsOrigins = [
  'http://localhost:4173',
  'http://127.0.0.1:4173',
  'http://localhost:6006',
  'http://127.0.0.1:6006',
  'http://localhost:5173',
];

export const defaultConfig: Config = {
  port: 8080,
  host: '127.0.0.1',
  databaseUrl: defaultDatabaseUrl,
  databasePoolSize: 10,
  corsOrigins: defaultCorsOrigins,
  rateLimitPerMinute: 300,
  orukRateLimitPerMinute: 3000,
  bodyLimitBytes: 64 * 1024,
  postcodeAreas: ['AN'],
  trustProxy: false,
  logLevel: 'info',
  paymentUrlBase: 'https://pay.anytown.example/waste',
  // Replacement and extra bins are charged; food caddies and bins for a new property are free.
  containerCharges: {
    refuse: ['lost', 'stolen', 'damaged', 'additional'],
    recycling: ['lost', 'stolen', 'damaged', 'additional'],
    garden: ['lost', 'stolen', 'damaged', 'additional'],
  },
  gardenSubscriptionUrl: 'https://www.anytown.example/garden-waste',
  retentionDays: 90,
  bulkyUnpaidHoldMinutes: 180,
  containerPrices: {},
  staffApiTokens: [],
  sources: defaultSources,
  garden: defaultGardenConfig,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** Builds the config from environment variables, falling back to {@link defaultConfig}. */
export function loadConfig(env: Env = process.env): Config {
  return {
    port: integer(env, 'PORT', defaultConfig.port, 0, 65535),
    host: text(env, 'HOST') ?? defaultConfig.host,
    databaseUrl: text(env, 'DATABASE_URL') ?? defaultConfig.databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', defaultConfig.databasePoolSize, 1, 1000),
    corsOrigins: list(env, 'CORS_ORIGINS') ?? defaultConfig.corsOrigins,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', defaultConfig.rateLimitPerMinute, 1),
    orukRateLimitPerMinute: integer(env, 'ORUK_RATE_LIMIT_PER_MINUTE', defaultConfig.orukRateLimitPerMinute, 1),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', defaultConfig.bodyLimitBytes, 1),
    postcodeAreas: list(env, 'POSTCODE_AREAS')?.map((area) => area.toUpperCase()) ?? defaultConfig.postcodeAreas,
    trustProxy: boolean(env, 'TRUST_PROXY', defaultConfig.trustProxy),
    logLevel: level(env),
    councilToday: date(env, 'COUNCIL_TODAY'),
    paymentUrlBase: httpsUrl(env, 'PAYMENT_URL_BASE') ?? defaultConfig.paymentUrlBase,
    containerCharges: charges(env) ?? defaultConfig.containerCharges,
    gardenSubscriptionUrl: link(env, 'GARDEN_SUBSCRIPTION_URL') ?? defaultConfig.gardenSubscriptionUrl,
    repairsCatalogueFile: text(env, 'REPAIRS_CATALOGUE_FILE'),
    retentionDays: integer(env, 'RETENTION_DAYS', defaultConfig.retentionDays, 1, 3650),
    ...notify(env),
    ...payConfig(env, charges(env) ?? defaultConfig.containerCharges),
    ...handoffConfig(env),
    // https only (no site path): the link is opened from an email or a text, not from the site.
    repairsManageUrl: manageUrl(env, 'REPAIRS_MANAGE_URL'),
    sources: sources(env),
    bankHolidayDivision: division(env),
    garden: readGardenConfig({
      error: (message) => new ConfigError(message),
      integer: (name, fallback, min, max) => integer(env, name, fallback, min, max),
      text: (name) => text(env, name),
      https: (name) => httpsUrl(env, name) && text(env, name),
    }),
    councilDemo: demo(env),
    bulkyCatalogueFile: text(env, 'BULKY_CATALOGUE_FILE'),
    bulkyManageUrl: manageUrl(env, 'BULKY_MANAGE_URL'),
    bulkyPayReturnUrl: manageUrl(env, 'BULKY_PAY_RETURN_URL'),
    // At least the poller's give-up (two hours): a payment still on Pay's page must never lose its slots.
    bulkyUnpaidHoldMinutes: integer(env, 'BULKY_UNPAID_HOLD_MINUTES', defaultConfig.bulkyUnpaidHoldMinutes, 120, 7 * 24 * 60),
  };
}

/** `BANK_HOLIDAY_DIVISION`: one of GOV.UK's divisions (`bank-holidays.json`'s keys). */
function division(env: Env): BankHolidayDivision | undefined {
  const value = text(env, 'BANK_HOLIDAY_DIVISION');
  if (value === undefined) return undefined;
  if (!(bankHolidayDivisions as readonly string[]).includes(value)) {
    throw new ConfigError(`BANK_HOLIDAY_DIVISION must be one of ${bankHolidayDivisions.join(', ')}; got "${value}".`);
  }
  return value as BankHolidayDivision;
}

/** `COUNCIL_DEMO`: unset, or `anytown` (any case); anything else is refused, so a typo never silently runs without the demo. */
function demo(env: Env): CouncilDemo | undefined {
  const value = text(env, 'COUNCIL_DEMO')?.toLowerCase();
  if (value === undefined) return undefined;
  if ((councilDemos as readonly string[]).includes(value)) return value as CouncilDemo;
  throw new ConfigError(`COUNCIL_DEMO must be ${councilDemos.join(' or ')} (the fictional demo data) or unset; got "${env.COUNCIL_DEMO?.trim()}".`);
}

// GOV.UK Notify's keys: `{key name}-{service id}-{secret}`, the last two UUIDs.
const notifyKeyShape = /^.+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Notify settings: a key needs its templates file; a bad key is refused without being shown. */
function notify(env: Env): Pick<Config, 'notifyApiKey' | 'notifyBaseUrl' | 'notifyTemplatesFile'> {
  const apiKey = text(env, 'NOTIFY_API_KEY');
  const baseUrl = notifyUrl(env);
  const templatesFile = text(env, 'NOTIFY_TEMPLATES_FILE');
  if (apiKey === undefined) return { ...(baseUrl ? { notifyBaseUrl: baseUrl } : {}), ...(templatesFile ? { notifyTemplatesFile: templatesFile } : {}) };
  if (!notifyKeyShape.test(apiKey)) {
    throw new ConfigError('NOTIFY_API_KEY is not shaped like a GOV.UK Notify API key ({key name}-{service id}-{secret key}); the value is not shown.');
  }
  if (templatesFile === undefined) throw new ConfigError('NOTIFY_API_KEY is set but NOTIFY_TEMPLATES_FILE is not: the sender needs the template ids.');
  return { notifyApiKey: apiKey, notifyTemplatesFile: templatesFile, ...(baseUrl ? { notifyBaseUrl: baseUrl } : {}) };
}

/** `NOTIFY_BASE_URL`: https, or http to this machine only (a local stub of Notify). */
function notifyUrl(env: Env): string | undefined {
  const value = text(env, 'NOTIFY_BASE_URL');
  if (value === undefined) return undefined;
  const url = serviceUrl(value);
  if (!url || url.search || url.hash || url.username || url.password) {
    // A URL with credentials in it is not repeated.
    const got = value.includes('@') ? 'a URL with credentials' : `"${value}"`;
    throw new ConfigError(`NOTIFY_BASE_URL must be an https:// URL (or http:// on 127.0.0.1 or localhost, for a stub) with no query or credentials; got ${got}.`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * `PAY_API_KEY`, `PAY_BASE_URL`, `PAY_RETURN_URL` and `CONTAINER_PRICES`. With a key, the return
 * page is required and every container the charge rule charges for needs a price, so a charged
 * request can never meet a payment of nothing. The key itself never appears in an error.
 */
function payConfig(env: Env, containerCharges: ContainerCharges): Pick<Config, 'pay' | 'containerPrices'> {
  const containerPrices = prices(env) ?? defaultConfig.containerPrices;
  const apiKey = text(env, 'PAY_API_KEY');
  if (apiKey === undefined) return { containerPrices };
  const baseUrl = payBaseUrl(env);
  const returnUrl = text(env, 'PAY_RETURN_URL');
  if (returnUrl === undefined) throw new ConfigError('PAY_RETURN_URL must be set when PAY_API_KEY is: the council page residents come back to from GOV.UK Pay.');
  if (!isHttpsWithoutQuery(returnUrl)) throw new ConfigError(`PAY_RETURN_URL must be an https:// URL with no query or fragment; got "${returnUrl}".`);
  const unpriced = (Object.keys(containerCharges) as ContainerId[]).filter((id) => containerCharges[id]?.length && !containerPrices[id]);
  if (unpriced.length) {
    throw new ConfigError(`CONTAINER_PRICES must give a price in pence for every charged container when PAY_API_KEY is set; missing: ${unpriced.join(', ')}.`);
  }
  return { pay: { apiKey, baseUrl, returnUrl }, containerPrices };
}

/** https, or http on the loopback interface (a local stub of Pay). */
function payBaseUrl(env: Env): string {
  const value = text(env, 'PAY_BASE_URL') ?? defaultPayBaseUrl;
  const url = serviceUrl(value);
  if (!url || url.search || url.hash) {
    throw new ConfigError(`PAY_BASE_URL must be an https:// URL with no query or fragment; got "${value}".`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * A service the API calls (Notify, Pay, the back office's webhook): https, or http on this
 * machine only, for a local stub in tests and demos. Undefined for anything else.
 */
function serviceUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const loopback = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || loopback ? url : undefined;
}

function isHttpsWithoutQuery(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.search && !url.hash && !value.includes('?') && !value.includes('#');
  } catch {
    return false;
  }
}

/** `CONTAINER_PRICES`: comma-separated `container:pence` pairs, e.g. `refuse:3500,garden:4000`. */
function prices(env: Env): ContainerPrices | undefined {
  const value = text(env, 'CONTAINER_PRICES');
  if (value === undefined) return undefined;
  const result: ContainerPrices = {};
  for (const pair of value.split(',').map((item) => item.trim()).filter(Boolean)) {
    const [container = '', pence = ''] = pair.split(':').map((part) => part.trim());
    // GOV.UK Pay takes 1p to £100,000.
    if (!(containerIds as readonly string[]).includes(container) || !/^\d+$/.test(pence) || Number(pence) < 1 || Number(pence) > 10_000_000) {
      throw new ConfigError(
        `CONTAINER_PRICES must be pairs like "refuse:3500" (containers ${containerIds.join(', ')}; whole pence from 1 to 10000000); got "${value}".`,
      );
    }
    result[container as ContainerId] = Number(pence);
  }
  return result;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}

function date(env: Env, name: string): string | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw new ConfigError(`${name} must be a date written YYYY-MM-DD; got "${value}".`);
  return value;
}

function httpsUrl(env: Env, name: string): string | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an https:// URL; got "${value}".`);
  }
  if (url.protocol !== 'https:' || url.search || url.hash) {
    throw new ConfigError(`${name} must be an https:// URL with no query or fragment; got "${value}".`);
  }
  return value.replace(/\/+$/, '');
}

/** An https:// URL with no query or fragment (the manage link adds its own fragment). */
function manageUrl(env: Env, name: string): string | undefined {
  const value = text(env, name);
  return value === undefined ? undefined : (httpsUrl(env, name) && value);
}

/** An https:// URL or a path on the council's site (`/garden-waste`). */
function link(env: Env, name: string): string | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  if (/^\/(?!\/)/.test(value)) return value;
  return httpsUrl(env, name) && value;
}

/**
 * `CONTAINER_CHARGES`: `none`, or comma-separated `container:reason|reason` pairs, e.g.
 * `refuse:lost|stolen|damaged|additional,garden:lost|stolen`. Containers left out are free.
 */
function charges(env: Env): ContainerCharges | undefined {
  const value = text(env, 'CONTAINER_CHARGES');
  if (value === undefined) return undefined;
  if (value.toLowerCase() === 'none') return {};
  const result: ContainerCharges = {};
  for (const pair of value.split(',').map((item) => item.trim()).filter(Boolean)) {
    const [container = '', reasons = ''] = pair.split(':').map((part) => part.trim());
    const list = reasons.split('|').map((reason) => reason.trim());
    if (!(containerIds as readonly string[]).includes(container) || !list.every((r) => (containerReasons as readonly string[]).includes(r))) {
      throw new ConfigError(
        `CONTAINER_CHARGES must be "none" or pairs like "refuse:lost|stolen" (containers ${containerIds.join(', ')}; reasons ${containerReasons.join(', ')}); got "${value}".`,
      );
    }
    result[container as ContainerId] = list as ContainerReason[];
  }
  return result;
}

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function list(env: Env, name: string): string[] | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function integer(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = text(env, name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; got "${value}".`);
  }
  return parsed;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const value = text(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false; got "${value}".`);
}

function level(env: Env): LogLevel {
  const value = text(env, 'LOG_LEVEL')?.toLowerCase();
  if (value === undefined) return defaultConfig.logLevel;
  if ((logLevels as readonly string[]).includes(value)) return value as LogLevel;
  throw new ConfigError(`LOG_LEVEL must be one of ${logLevels.join(', ')}; got "${value}".`);
}

/** Shortest secret or token accepted: 32 characters (e.g. `openssl rand -hex 32` gives 64). */
export const MIN_SECRET_LENGTH = 32;

/**
 * `HANDOFF_WEBHOOK_URL` (https; http only to 127.0.0.1 or localhost, for local testing) with its
 * `HANDOFF_WEBHOOK_SECRET`, and `STAFF_API_TOKENS`. Errors name the variable, never echo a secret.
 */
function handoffConfig(env: Env): Pick<Config, 'handoffWebhookUrl' | 'handoffWebhookSecret' | 'staffApiTokens'> {
  const url = text(env, 'HANDOFF_WEBHOOK_URL');
  const secret = text(env, 'HANDOFF_WEBHOOK_SECRET');
  if (url !== undefined) {
    const parsed = serviceUrl(url);
    if (!parsed || parsed.username || parsed.password || parsed.hash) {
      throw new ConfigError('HANDOFF_WEBHOOK_URL must be an https:// URL (http:// only to 127.0.0.1 or localhost), with no credentials or fragment.');
    }
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`HANDOFF_WEBHOOK_SECRET must be set, at least ${MIN_SECRET_LENGTH} characters, when HANDOFF_WEBHOOK_URL is.`);
    }
  }
  const tokens = list(env, 'STAFF_API_TOKENS') ?? [];
  if (tokens.some((token) => token.length < MIN_SECRET_LENGTH)) {
    throw new ConfigError(`STAFF_API_TOKENS must be comma-separated tokens of at least ${MIN_SECRET_LENGTH} characters each.`);
  }
  return { ...(url !== undefined ? { handoffWebhookUrl: url, handoffWebhookSecret: secret } : {}), staffApiTokens: tokens };
}

/** `ADDRESS_SOURCE`, `WASTE_SOURCE` and their settings (`sources/config.ts`), its errors as ConfigErrors. */
function sources(env: Env): SourcesConfig {
  try {
    return loadSourcesConfig(env);
  } catch (error) {
    if (error instanceof SourcesConfigError) throw new ConfigError(error.message);
    throw error;
  }
}
