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
      DATABASE_POOL_SIZE: '25',
      CORS_ORIGINS: 'https://www.anytown.gov.uk, https://anytown.gov.uk ,',
      RATE_LIMIT_PER_MINUTE: '5',
      LOG_LEVEL: 'SILENT',
      POSTCODE_AREAS: 'an,zz',
      TRUST_PROXY: 'true',
      BULKY_UNPAID_HOLD_MINUTES: '240',
    });
    expect(config).toMatchObject({
      bulkyUnpaidHoldMinutes: 240,
      port: 8099,
      host: '0.0.0.0',
      databaseUrl: '/srv/council.sqlite',
      databasePoolSize: 25,
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
    ['DATABASE_POOL_SIZE', '0'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'maybe'],
    // Shorter than the payment poller's give-up would cancel a booking whose payment is still on Pay's page.
    ['BULKY_UNPAID_HOLD_MINUTES', '60'],
    ['BULKY_UNPAID_HOLD_MINUTES', 'three hours'],
  ])('refuses %s=%s with a clear message', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});

describe('waste configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config.councilToday).toBeUndefined();
    expect(config.paymentUrlBase).toBe('https://pay.anytown.example/waste');
    expect(config.gardenSubscriptionUrl).toBe('https://www.anytown.example/garden-waste');
    expect(config.containerCharges).toEqual({
      refuse: ['lost', 'stolen', 'damaged', 'additional'],
      recycling: ['lost', 'stolen', 'damaged', 'additional'],
      garden: ['lost', 'stolen', 'damaged', 'additional'],
    });
  });

  it('reads COUNCIL_TODAY, PAYMENT_URL_BASE, CONTAINER_CHARGES and GARDEN_SUBSCRIPTION_URL', () => {
    expect(
      loadConfig({
        COUNCIL_TODAY: '2026-12-21',
        PAYMENT_URL_BASE: 'https://pay.example.gov.uk/bins/',
        CONTAINER_CHARGES: 'refuse:lost|stolen, garden:additional',
        GARDEN_SUBSCRIPTION_URL: '/garden-waste',
      }),
    ).toMatchObject({
      councilToday: '2026-12-21',
      paymentUrlBase: 'https://pay.example.gov.uk/bins',
      containerCharges: { refuse: ['lost', 'stolen'], garden: ['additional'] },
      gardenSubscriptionUrl: '/garden-waste',
    });
    expect(loadConfig({ CONTAINER_CHARGES: 'none' }).containerCharges).toEqual({});
  });

  it.each([
    ['COUNCIL_TODAY', 'tomorrow'],
    ['COUNCIL_TODAY', '2026-02-29'],
    ['PAYMENT_URL_BASE', 'http://pay.anytown.example/waste'],
    ['PAYMENT_URL_BASE', 'javascript:alert(1)'],
    ['PAYMENT_URL_BASE', 'https://pay.example/?ref='],
    ['CONTAINER_CHARGES', 'glass:lost'],
    ['CONTAINER_CHARGES', 'refuse:forgot'],
    ['GARDEN_SUBSCRIPTION_URL', 'javascript:alert(1)'],
    ['GARDEN_SUBSCRIPTION_URL', '//evil.example/garden'],
  ])('refuses %s=%s with a clear message', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
