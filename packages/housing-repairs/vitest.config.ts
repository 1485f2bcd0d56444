import { defineConfig } from 'vitest/config';
import { browserTestConfig } from '../../scripts/vitest-browser.js';

export default defineConfig(browserTestConfig());
