// Only `export *`: esbuild's code splitting (the CDN build, and councils' esbuild builds) gives
// every module an entry file imports to that entry's chunk, and an index with named re-exports
// counts as importing all of them, so every element loaded the question journeys' code. An index
// of `export *` alone is looked through, and each element's chunks hold only what it uses. Each
// module exports only its public names.
export * from './council-element.js';
export * from './clock.js';
export * from './server-data.js';
export * from './http/client.js';
export * from './http/errors.js';
export * from './i18n/locale.js';
export * from './i18n/translate.js';
export * from './i18n/dates.js';
export * from './i18n/times.js';
export * from './i18n/welsh.js';
export * from './i18n/core.i18n.js';
export * from './announcer.js';
export * from './drafts.js';
export * from './flow/question-flow.js';
export * from './flow/check-answers.js';
export * from './styles/index.js';
