export * from './schema/index.js';
export * from './validate.js';
export * from './validators/index.js';
export * from './problem.js';
export * from './address.js';
export * from './adapters/title-case.js';
export * from './adapters/os-places.js';
export * from './waste/index.js';
export * from './directory/index.js';
export * from './repairs/index.js';
// The container and colour words residents read: the elements' catalogues and the API's calendars.
export * from './waste/words.js';
