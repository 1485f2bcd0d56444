import { packageConfig } from '../../scripts/tsup-package.mjs';
import { pureCallsPlugin } from './scripts/pure-calls.mjs';

// No DOM and no Lit here (see DESIGN.md), so the shared Lit settings have nothing to act on.
// One file per module (as core): a council's bundler then splits the contracts by module, so a
// reader or validator only an element's later pages use loads with those pages.
export default packageConfig({ entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/openapi/**'], bundle: false, plugins: [pureCallsPlugin] });
