import { packageConfig } from '../../scripts/tsup-package.mjs';

export default packageConfig({
  entry: ['src/index.ts', 'src/define.ts', 'src/repair-report/define.ts', 'src/repair-appointment/define.ts'],
  // Photo resizing is imported on demand (see repair-report.ts), so it stays a separate chunk.
  splitting: true,
});
