import { packageConfig } from '../../scripts/tsup-package.mjs';

// Node only: @lit-labs/ssr and the elements stay imports, so the server loads the same Lit and the
// same element classes as everything else it imports (one registry, one LitElement to patch).
export default packageConfig({
  entry: ['src/**/*.ts', '!src/**/*.test.ts'],
  bundle: false,
  platform: 'node',
  target: 'node20',
  external: [/^@lit-labs\//, /^node:/],
});
