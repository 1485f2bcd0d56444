export * from './model.js';
export * from './text.js';
export * from './oruk-version.js';
export * from './oruk.js';
export * from './oruk-page.js';
export * from './categories.js';
