export * from './validate.js';
export * from './problem.js';
export * from './address.js';
export * from './adapters/title-case.js';
export * from './adapters/os-places.js';
export * from './waste/index.js';
export * from './directory/index.js';
export * from './repairs/index.js';
