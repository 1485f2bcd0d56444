import { packageConfig } from '../../scripts/tsup-package.mjs';

// No DOM and no Lit here (see DESIGN.md), so the shared Lit settings have nothing to act on.
export default packageConfig({ entry: ['src/index.ts', 'src/validators/index.ts', 'src/fixtures/index.ts'] });
