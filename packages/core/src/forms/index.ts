export * from './fields.js';
export { busy, errorSummary, problemPanel, type FieldError, type Translate } from './panels.js';
export { formStyles } from './forms.styles.js';
