export * from './fields.js';
export { busy, errorSummary, problemPanel, type FieldError, type Translate } from './panels.js';
export { formStyles } from './forms.styles.js';
export { checkAnswers } from '../flow/check-answers.js';

// The base class the question pages are drawn in, and the controller that runs them. Also here
// so that code loaded on demand that draws question pages (the repair report's later pages)
// reaches their modules: esbuild's code splitting gives a module to the chunk of every entry that
// reaches it, so without these lit and core would be two shared files of the CDN build instead of
// one (about 400 B more for a page with any element), and QuestionFlow a file apart from these
// helpers (about 120 B more for a page with a question journey).
export { CouncilElement } from '../council-element.js';
export { QuestionFlow } from '../flow/question-flow.js';
