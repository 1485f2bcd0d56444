import { packageConfig } from '../../scripts/tsup-package.mjs';

export default packageConfig({
  entry: ['src/index.ts', 'src/define.ts', 'src/bin-day/define.ts', 'src/missed-bin-report/define.ts', 'src/container-request/define.ts', 'src/garden-waste/define.ts', 'src/bulky-waste/define.ts'],
});
