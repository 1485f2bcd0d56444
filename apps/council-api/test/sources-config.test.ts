import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { redactSecrets } from '../src/redact.js';
import { fillPlaceholders } from '../src/sources/command-line.js';
import { defaultOsPlacesUrl } from '../src/sources/config.js';

const KEY = 'os-key-abcdefghijklmnop';

describe('ADDRESS_SOURCE and WASTE_SOURCE', () => {
  it('default to the database', () => {
    expect(loadConfig({}).sources).toEqual({ addressSource: 'database', wasteSource: 'database' });
  });

  it('read OS Places with its defaults, and a scraper’s command split into words', () => {
    const config = loadConfig({
      ADDRESS_SOURCE: 'os-places',
      OS_PLACES_API_KEY: KEY,
      WASTE_SOURCE: 'UKBCD',
      UKBCD_COMMAND: `python3 -m uk_bin_collection.uk_bin_collection.collect_data AnytownBoroughCouncil 'https://www.anytown.gov.uk/bins' -u {uprn} -p "{postcode}"`,
    });
    expect(config.sources.osPlaces).toEqual({ apiKey: KEY, url: defaultOsPlacesUrl, cacheSeconds: 86_400, timeoutSeconds: 10 });
    expect(config.sources.ukbcd).toEqual({
      argv: ['python3', '-m', 'uk_bin_collection.uk_bin_collection.collect_data', 'AnytownBoroughCouncil', 'https://www.anytown.gov.uk/bins', '-u', '{uprn}', '-p', '{postcode}'],
      timeoutSeconds: 60,
    });
    const local = loadConfig({ ADDRESS_SOURCE: 'os-places', OS_PLACES_API_KEY: KEY, OS_PLACES_URL: 'http://127.0.0.1:9999/search/places/v1/', OS_PLACES_CACHE_SECONDS: '0' });
    expect(local.sources.osPlaces).toMatchObject({ url: 'http://127.0.0.1:9999/search/places/v1', cacheSeconds: 0 });
  });

  it.each([
    [{ ADDRESS_SOURCE: 'google' }, /ADDRESS_SOURCE must be one of database, os-places/],
    [{ ADDRESS_SOURCE: 'os-places' }, /OS_PLACES_API_KEY must be set/],
    [{ ADDRESS_SOURCE: 'os-places', OS_PLACES_API_KEY: KEY, OS_PLACES_URL: 'http://api.os.uk/search/places/v1' }, /OS_PLACES_URL must be an https:\/\/ URL/],
    [{ ADDRESS_SOURCE: 'os-places', OS_PLACES_API_KEY: KEY, OS_PLACES_URL: `https://api.os.uk/search/places/v1?key=${KEY}` }, /OS_PLACES_URL/],
    [{ ADDRESS_SOURCE: 'os-places', OS_PLACES_API_KEY: KEY, OS_PLACES_CACHE_SECONDS: '-1' }, /OS_PLACES_CACHE_SECONDS must be a whole number/],
    [{ WASTE_SOURCE: 'ukbcd' }, /UKBCD_COMMAND must be set/],
    [{ WASTE_SOURCE: 'ukbcd', UKBCD_COMMAND: 'python3 "collect_data.py {uprn}' }, /UKBCD_COMMAND has an unclosed double quote/],
    [{ WASTE_SOURCE: 'ukbcd', UKBCD_COMMAND: 'python3 collect_data.py' }, /UKBCD_COMMAND must contain \{uprn\} or \{postcode\}/],
    [{ WASTE_SOURCE: 'ukbcd', UKBCD_COMMAND: 'x {uprn}', UKBCD_TIMEOUT_SECONDS: '0' }, /UKBCD_TIMEOUT_SECONDS/],
  ])('refuse %o, naming the variable and never the key', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(KEY);
  });
});

describe('placeholders and redaction', () => {
  it('fill each argument with checked values only', () => {
    expect(fillPlaceholders(['s', '-u', '{uprn}', '--where={postcode}'], { uprn: '100070000112', postcode: 'AN1 1AA' })).toEqual(['s', '-u', '100070000112', '--where=AN1 1AA']);
    expect(() => fillPlaceholders(['{uprn}'], { uprn: '1;id' })).toThrow();
    expect(() => fillPlaceholders(['{postcode}'], { uprn: '1', postcode: 'an1 1aa; id' })).toThrow();
    expect(() => fillPlaceholders(['{postcode}'], { uprn: '1' })).toThrow(/needs a postcode/);
  });

  it('take keys and secrets out of text bound for the log', () => {
    expect(redactSecrets(`GET https://api.os.uk/search/places/v1/postcode?postcode=AN1&key=${KEY}&offset=0 failed`)).toBe(
      'GET https://api.os.uk/search/places/v1/postcode?postcode=AN1&key=***&offset=0 failed',
    );
    expect(redactSecrets(`fetch failed: ${KEY} and ${encodeURIComponent('a b/c+d')}`, [KEY, 'a b/c+d'])).toBe('fetch failed: *** and ***');
    expect(redactSecrets('token=abc&api_key=def')).toBe('token=***&api_key=***');
  });
});
