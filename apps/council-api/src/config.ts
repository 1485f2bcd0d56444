import { fileURLToPath } from 'node:url';

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
  /** Origins allowed to call `/api/*` from a browser. `/oruk/*` is open to every origin. */
  corsOrigins: string[];
  /** Requests per minute per client IP address. */
  rateLimitPerMinute: number;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Postcode areas (the letters before the first digit) the council serves. */
  postcodeAreas: string[];
  /** Take the client IP from `X-Forwarded-For` (only behind a proxy you run). */
  trustProxy: boolean;
  logLevel: LogLevel;
}

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
  corsOrigins: defaultCorsOrigins,
  rateLimitPerMinute: 300,
  bodyLimitBytes: 64 * 1024,
  postcodeAreas: ['AN'],
  trustProxy: false,
  logLevel: 'info',
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
    corsOrigins: list(env, 'CORS_ORIGINS') ?? defaultConfig.corsOrigins,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', defaultConfig.rateLimitPerMinute, 1),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', defaultConfig.bodyLimitBytes, 1),
    postcodeAreas: list(env, 'POSTCODE_AREAS')?.map((area) => area.toUpperCase()) ?? defaultConfig.postcodeAreas,
    trustProxy: boolean(env, 'TRUST_PROXY', defaultConfig.trustProxy),
    logLevel: level(env),
  };
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
