import { cssTextPlugin } from '../../scripts/css-text.mjs';
import { packageConfig } from '../../scripts/tsup-package.mjs';

export default packageConfig({
  entry: ['src/index.ts', 'src/define.ts', 'src/directory-search/define.ts', 'src/service-detail/define.ts'],
  // Leaflet's script stays a dependency, but its CSS is inlined as text for the shadow root.
  plugins: [cssTextPlugin],
  noExternal: [/\.css\?inline$/],
});
