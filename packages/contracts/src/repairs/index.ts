export * from './catalogue.js';
export * from './repairs.js';
