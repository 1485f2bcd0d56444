import { packageConfig } from '../../scripts/tsup-package.mjs';
import { pureCallsPlugin } from './scripts/pure-calls.mjs';

// No DOM and no Lit here (see DESIGN.md), so the shared Lit settings have nothing to act on.
export default packageConfig({ entry: ['src/index.ts', 'src/validators/index.ts', 'src/fixtures/index.ts'], plugins: [pureCallsPlugin] });
