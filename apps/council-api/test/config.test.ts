import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toEqual(defaultConfig);
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.rateLimitPerMinute).toBe(300);
    expect(config.corsOrigins).toContain('http://localhost:4173');
    expect(config.corsOrigins).toContain('http://localhost:6006');
    // The package's data directory, whatever the cwd.
    expect(config.databaseUrl).toBe(fileURLToPath(new URL('../data/council.sqlite', import.meta.url)));
  });

  it('reads every variable from the environment', () => {
    const config = loadConfig({
      PORT: '8099',
      HOST: '0.0.0.0',
      DATABASE_URL: '/srv/council.sqlite',
      CORS_ORIGINS: 'https://www.anytown.gov.uk, https://anytown.gov.uk ,',
      RATE_LIMIT_PER_MINUTE: '5',
      LOG_LEVEL: 'SILENT',
      POSTCODE_AREAS: 'an,zz',
      TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      port: 8099,
      host: '0.0.0.0',
      databaseUrl: '/srv/council.sqlite',
      corsOrigins: ['https://www.anytown.gov.uk', 'https://anytown.gov.uk'],
      rateLimitPerMinute: 5,
      logLevel: 'silent',
      postcodeAreas: ['AN', 'ZZ'],
      trustProxy: true,
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['RATE_LIMIT_PER_MINUTE', '0'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'maybe'],
  ])('refuses %s=%s with a clear message', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
