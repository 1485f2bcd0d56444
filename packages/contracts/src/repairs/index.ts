export * from './catalogue.js';
export * from './repairs.js';
export * from './requests.js';
