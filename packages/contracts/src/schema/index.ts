// `export *` only: esbuild's code splitting looks through such an index, so a browser chunk
// holds only the schema code its elements use (see @council-kit/core's src/index.ts).
export * from './schema.js';
export * from './parse.js';
export * from './json-schema.js';
