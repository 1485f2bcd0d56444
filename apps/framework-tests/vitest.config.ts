import { defineConfig } from 'vitest/config';
import { browserTestConfig } from '../../scripts/vitest-browser.js';

const config = browserTestConfig();

// The shared setup, plus .tsx for the React tests (Vite compiles JSX itself, no plugin needed).
export default defineConfig({
  ...config,
  esbuild: { jsx: 'automatic' },
  test: { ...config.test, include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
