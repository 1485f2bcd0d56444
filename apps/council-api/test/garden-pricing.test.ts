import { describe, expect, it } from 'vitest';
import { defaultGardenConfig, type GardenConfig } from '../src/garden-config.js';
import { aYearAfter, gardenPeriod, gardenPrices, monthsBetween, pricePerBin, subscriptionYear } from '../src/waste/garden/pricing.js';

// Garden waste sums and dates on named days (pure functions: no server, no clock).
const anytown = defaultGardenConfig; // £45 a bin, half price with the concession, April to March, monthly pro-rata

describe('the subscription year', () => {
  it.each([
    ['2026-12-03', '2026-04-01', '2027-03-31'],
    ['2027-03-31', '2026-04-01', '2027-03-31'],
    ['2027-04-01', '2027-04-01', '2028-03-31'],
    ['2028-02-29', '2027-04-01', '2028-03-31'],
  ])('%s is in the year %s to %s', (day, start, end) => expect(subscriptionYear(day, '04-01')).toEqual({ start, end }));

  it('counts the months left with this one, and the same day a year on', () => {
    expect(monthsBetween('2026-12-03', '2027-03-31')).toBe(4);
    expect(monthsBetween('2027-03-31', '2027-03-31')).toBe(1);
    expect(aYearAfter('2027-03-31')).toBe('2028-03-31');
    expect(aYearAfter('2028-02-29')).toBe('2029-02-28');
  });
});

describe('what a payment today buys', () => {
  it('charges a late starter for the months left (December: 4 of 12), to the end of the year', () => {
    expect(gardenPeriod(anytown, '2026-12-03', undefined)).toEqual({ canSubscribe: true, renewal: false, starts: '2026-12-03', expires: '2027-03-31', months: 4 });
    expect(pricePerBin(anytown, 4, false)).toBe(1500);
    expect(pricePerBin(anytown, 4, true)).toBe(750);
    expect(gardenPrices(anytown, 4)).toEqual([
      { bins: 1, amount: 1500, concessionAmount: 750 },
      { bins: 2, amount: 3000, concessionAmount: 1500 },
      { bins: 3, amount: 4500, concessionAmount: 2250 },
    ]);
  });

  it('charges the whole year on its first day, and a month on its last', () => {
    expect(gardenPeriod(anytown, '2027-04-01', undefined)).toMatchObject({ expires: '2028-03-31', months: 12 });
    expect(gardenPeriod(anytown, '2027-03-31', undefined)).toMatchObject({ expires: '2027-03-31', months: 1 });
    expect(pricePerBin(anytown, 1, false)).toBe(375);
  });

  it('charges the whole year whenever one joins under GARDEN_PRO_RATA=none', () => {
    const none: GardenConfig = { ...anytown, proRata: 'none' };
    expect(gardenPeriod(none, '2026-12-03', undefined)).toMatchObject({ months: 12, expires: '2027-03-31' });
  });

  it('renews across the year boundary for a whole year from the day after the subscription ends', () => {
    const current = { status: 'active', expires: '2027-03-31', bins: 2 } as const;
    expect(gardenPeriod(anytown, '2027-03-20', current)).toEqual({ canSubscribe: true, renewal: true, starts: '2027-04-01', expires: '2028-03-31', months: 12 });
    expect(gardenPeriod(anytown, '2027-03-31', current)).toMatchObject({ renewal: true, starts: '2027-04-01' });
  });

  it('opens renewal GARDEN_RENEWAL_DAYS before the end, and not before', () => {
    const current = { status: 'active', expires: '2027-03-31', bins: 1 } as const;
    expect(gardenPeriod(anytown, '2027-02-02', current)).toEqual({ canSubscribe: false, renewFrom: '2027-02-03' });
    expect(gardenPeriod(anytown, '2027-02-03', current)).toMatchObject({ canSubscribe: true, renewal: true });
  });

  it('treats a lapsed subscriber as a late starter (from today, pro rata), marked as a renewal', () => {
    expect(gardenPeriod(anytown, '2026-12-03', { status: 'expired', expires: '2026-03-31', bins: 1 })).toEqual({ canSubscribe: true, renewal: true, starts: '2026-12-03', expires: '2027-03-31', months: 4 });
  });

  it('prices a concession given as a price of its own, pro rata too', () => {
    const priced: GardenConfig = { ...anytown, concession: { ...anytown.concession!, pricePerBin: 3000 } as GardenConfig['concession'] };
    delete (priced.concession as { percentOff?: number }).percentOff;
    expect(pricePerBin(priced, 12, true)).toBe(3000);
    expect(pricePerBin(priced, 4, true)).toBe(1000);
  });
});

describe('GARDEN_* configuration', () => {
  it('reads Anytown’s terms by default and the council’s when given', async () => {
    const { loadConfig } = await import('../src/config.js');
    expect(loadConfig({}).garden).toEqual(anytown);
    const own = loadConfig({
      GARDEN_PRICE_PER_BIN: '5200',
      GARDEN_CONCESSION: 'price:2600',
      GARDEN_CONCESSION_QUESTION_EN: 'Are you over 70?',
      GARDEN_MAX_BINS: '5',
      GARDEN_YEAR_START: '01-01',
      GARDEN_PRO_RATA: 'none',
      GARDEN_STICKERS_CY: 'Tag i bob bin.',
      GARDEN_PAY_RETURN_URL: 'https://www.example.gov.uk/garden/',
    }).garden;
    expect(own).toMatchObject({ pricePerBin: 5200, concession: { pricePerBin: 2600, question: { en: 'Are you over 70?' } }, maxBins: 5, yearStart: '01-01', proRata: 'none', stickers: { cy: 'Tag i bob bin.' }, payReturnUrl: 'https://www.example.gov.uk/garden/' });
    expect(loadConfig({ GARDEN_CONCESSION: 'none' }).garden.concession).toBeUndefined();
  });

  it.each([
    ['GARDEN_PRICE_PER_BIN', '45.00'],
    ['GARDEN_CONCESSION', 'percent:150'],
    ['GARDEN_CONCESSION', 'half'],
    ['GARDEN_MAX_BINS', '0'],
    ['GARDEN_YEAR_START', '02-29'],
    ['GARDEN_YEAR_START', '13-01'],
    ['GARDEN_PRO_RATA', 'weekly'],
    ['GARDEN_PAY_RETURN_URL', 'http://www.example.gov.uk/garden'],
  ])('refuses %s=%s with an error naming it', async (name, value) => {
    const { ConfigError, loadConfig } = await import('../src/config.js');
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
