export * from './calendar.js';
export * from './schedule.js';
export * from './collections.js';
export * from './payment.js';
export * from './uk-bin-collection.js';
export * from './requests.js';
export * from './uk-bin-collection-text.js';
export * from './garden.js';
