import { packageConfig } from '../../scripts/tsup-package.mjs';

export default packageConfig({ entry: ['src/index.ts', 'src/testing/index.ts', 'src/forms/index.ts'] });
