export * from './fields.js';
export { busy, errorSummary, problemPanel, type FieldError, type Translate } from './panels.js';
export { formStyles } from './forms.styles.js';

// The base class the question pages are drawn in. Also here so that code loaded on demand that
// draws question pages (the repair report's later pages) reaches the base class's module: esbuild's
// code splitting then keeps lit and all of core in one shared file of the CDN build, instead of
// lit and the helpers such code uses in one file and the rest of core in another (a file more,
// and about 400 B more, for a page with any element).
export { CouncilElement } from '../council-element.js';
