import { packageConfig } from '../../scripts/tsup-package.mjs';

export default packageConfig({ entry: ['src/index.ts', 'src/define.ts', 'src/address-lookup/define.ts'] });
