import type { BulkyBooking, BulkyCatalogue } from '@council-kit/contracts';

/** The tests' catalogue: two items and one refused, in English and Welsh. */
export const catalogue: BulkyCatalogue = {
  version: 'test-1',
  items: [
    { id: 'sofa', label: { en: 'Sofa', cy: 'Soffa' }, price: 2000, slots: 2 },
    { id: 'mattress', label: { en: 'Mattress', cy: 'Matres' }, price: 1500, slots: 1 },
  ],
  refused: [{ id: 'tyres', label: { en: 'Tyres', cy: 'Teiars' }, instead: { en: 'Ask a tyre fitter.', cy: 'Gofynnwch i osodwr teiars.' } }],
  maxItems: 4,
  slotsPerDay: 20,
  weeksAhead: 4,
  cutoffWorkingDays: 1,
  cutoffTime: '12:00',
};

export const UPRN = '100000000001';
export const CATALOGUE = 'GET /api/v1/waste/bulky/catalogue';
export const DATES = `GET /api/v1/waste/properties/${UPRN}/bulky-dates`;
export const BOOK = 'POST /api/v1/waste/bulky-bookings';
export const REFERENCE = 'BK4H8N2W';
export const TOKEN = 'a'.repeat(43);
export const BOOKING = `/api/v1/waste/bulky-bookings/${REFERENCE}`;

export const dates = { uprn: UPRN, address: '1 High Street, Anytown, AN1 1AA', dates: ['2026-12-08', '2026-12-15', '2026-12-22'] };
export const receipt = { reference: REFERENCE, amount: 3500, collectionDate: '2026-12-15', manageToken: TOKEN, paymentUrl: 'https://pay.anytown.example/waste/BK4H8N2W' };

export const booking: BulkyBooking = {
  reference: REFERENCE,
  status: 'booked',
  uprn: UPRN,
  address: '1 High Street, Anytown, AN1 1AA',
  collectionDate: '2026-12-15',
  items: [{ id: 'sofa', label: 'Sofa', quantity: 1 }],
  location: 'front-garden',
  amount: 2000,
  changeUntil: '2026-12-14T12:00:00.000Z',
  changeable: true,
};
