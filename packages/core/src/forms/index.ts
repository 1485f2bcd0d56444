export * from './fields.js';
export { formStyles } from './forms.styles.js';
