import { splitCommandLine } from './command-line.js';

/*
 * Where addresses and collections come from (`ADDRESS_SOURCE`, `WASTE_SOURCE`): the API's own
 * database (the default), OS Places for addresses, or a UKBinCollectionData scraper for
 * collections. Each is chosen on its own, so a council can mix them. Read by `loadConfig`;
 * errors name the variable and never repeat the OS Places key.
 */

/** Address sources `ADDRESS_SOURCE` can name. */
export const addressSources = ['database', 'os-places'] as const;
export type AddressSourceName = (typeof addressSources)[number];

/** Collection sources `WASTE_SOURCE` can name. */
export const wasteSources = ['database', 'ukbcd'] as const;
export type WasteSourceName = (typeof wasteSources)[number];

/** OS Places: the key is a secret, sent to OS and nowhere else. */
export interface OsPlacesConfig {
  apiKey: string;
  /** The API's base, `https://api.os.uk/search/places/v1` unless a test points it at a stub. */
  url: string;
  /** How long one postcode's answer is kept, in seconds (0: not kept). */
  cacheSeconds: number;
  /** How long OS Places is waited for, per page, in seconds. */
  timeoutSeconds: number;
}

/** A UKBinCollectionData scraper, run as a command (never through a shell). */
export interface UkbcdConfig {
  /** The program and its arguments, split from `UKBCD_COMMAND`; `{uprn}` and `{postcode}` are filled in per request. */
  argv: string[];
  /** How long the command may run before it (and its children) are killed, in seconds. */
  timeoutSeconds: number;
}

/** The sources part of the config. */
export interface SourcesConfig {
  addressSource: AddressSourceName;
  /** Set when `addressSource` is `os-places`. */
  osPlaces?: OsPlacesConfig;
  wasteSource: WasteSourceName;
  /** Set when `wasteSource` is `ukbcd`. */
  ukbcd?: UkbcdConfig;
}

/** OS's public OS Places API. */
export const defaultOsPlacesUrl = 'https://api.os.uk/search/places/v1';

/** The API's own database for both. */
export const defaultSources: SourcesConfig = { addressSource: 'database', wasteSource: 'database' };

type Env = Record<string, string | undefined>;

/** Thrown for a bad sources setting; `loadConfig` turns it into its own `ConfigError`. */
export class SourcesConfigError extends Error {
  override name = 'SourcesConfigError';
}

const value = (env: Env, name: string): string | undefined => {
  const text = env[name]?.trim();
  return text ? text : undefined;
};

function choice<T extends string>(env: Env, name: string, options: readonly T[], fallback: T): T {
  const text = value(env, name)?.toLowerCase();
  if (text === undefined) return fallback;
  if ((options as readonly string[]).includes(text)) return text as T;
  throw new SourcesConfigError(`${name} must be one of ${options.join(', ')}; got "${value(env, name)}".`);
}

function seconds(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = value(env, name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new SourcesConfigError(`${name} must be a whole number of seconds from ${min} to ${max}; got "${text}".`);
  }
  return Number(text);
}

/** https, or http on this machine only (a local stub in tests and demos). */
function serviceUrl(env: Env, name: string, fallback: string): string {
  const text = value(env, name);
  if (text === undefined) return fallback;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const loopback = url?.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (!url || !(url.protocol === 'https:' || loopback) || url.search || url.hash || url.username || url.password) {
    // A URL with a query may hold a key: it is not repeated.
    throw new SourcesConfigError(`${name} must be an https:// URL (http:// only to 127.0.0.1 or localhost) with no query, fragment or credentials.`);
  }
  return text.replace(/\/+$/, '');
}

/** `ADDRESS_SOURCE`, `OS_PLACES_*`, `WASTE_SOURCE` and `UKBCD_*`. */
export function loadSourcesConfig(env: Env): SourcesConfig {
  const addressSource = choice(env, 'ADDRESS_SOURCE', addressSources, defaultSources.addressSource);
  const wasteSource = choice(env, 'WASTE_SOURCE', wasteSources, defaultSources.wasteSource);
  const config: SourcesConfig = { addressSource, wasteSource };
  if (addressSource === 'os-places') {
    const apiKey = value(env, 'OS_PLACES_API_KEY');
    if (!apiKey) throw new SourcesConfigError('OS_PLACES_API_KEY must be set when ADDRESS_SOURCE is os-places.');
    config.osPlaces = {
      apiKey,
      url: serviceUrl(env, 'OS_PLACES_URL', defaultOsPlacesUrl),
      cacheSeconds: seconds(env, 'OS_PLACES_CACHE_SECONDS', 86_400, 0, 30 * 86_400),
      timeoutSeconds: seconds(env, 'OS_PLACES_TIMEOUT_SECONDS', 10, 1, 120),
    };
  }
  if (wasteSource === 'ukbcd') {
    const command = value(env, 'UKBCD_COMMAND');
    if (!command) throw new SourcesConfigError('UKBCD_COMMAND must be set when WASTE_SOURCE is ukbcd.');
    let argv: string[];
    try {
      argv = splitCommandLine(command);
    } catch (error) {
      throw new SourcesConfigError(`UKBCD_COMMAND ${(error as Error).message}.`);
    }
    if (!argv.length) throw new SourcesConfigError('UKBCD_COMMAND must name a program.');
    if (!argv.some((arg) => arg.includes('{uprn}')) && !argv.some((arg) => arg.includes('{postcode}'))) {
      throw new SourcesConfigError('UKBCD_COMMAND must contain {uprn} or {postcode}, where the property goes.');
    }
    config.ukbcd = { argv, timeoutSeconds: seconds(env, 'UKBCD_TIMEOUT_SECONDS', 60, 1, 600) };
  }
  return config;
}
