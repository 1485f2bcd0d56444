// One lint config for the whole monorepo: TypeScript, Lit templates and web component rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import compat from 'eslint-plugin-compat';
import { readFileSync } from 'node:fs';

// The browsers we support (README "Browser support"): one list, in package.json, for every tool.
const { browserslist } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default tseslint.config(
  {
    ignores: ['**/dist/**', 'packages/elements/cdn/**', '**/storybook-static/**', '**/node_modules/**', '**/reports/**', '**/.turbo/**', '**/test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wcConfigs['flat/recommended'],
  litConfigs['flat/recommended'],
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        customElements: 'readonly',
        console: 'readonly',
        process: 'readonly',
      },
    },
    settings: { wc: { elementBaseClasses: ['CouncilElement', 'LitElement'] } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Data from an API is rendered as text; unsafeHTML would let a feed inject markup.
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Render API data as text.' }] }],
      'lit/no-template-bind': 'error',
      'lit/attribute-value-entities': 'error',
      'lit/no-invalid-html': 'error',
      'wc/guard-super-call': 'off',
    },
  },
  {
    // The repository's own scripts run on Node: its globals, not a browser's.
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['URL', 'URLSearchParams', 'fetch', 'Response', 'Request', 'Headers', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'AbortController', 'AbortSignal', 'TextEncoder', 'TextDecoder', 'performance', 'structuredClone'].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    // Element classes have no side effects; only define files register elements.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/define.ts', '**/*.test.ts', '**/*.stories.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='customElements'][callee.property.name='define']", message: 'Register elements only in define.ts.' },
      ],
    },
  },
  {
    // What residents' browsers run: every web API the published packages call must exist in
    // every supported browser, or be feature-detected with a fallback.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    ...compat.configs['flat/recommended'],
    settings: { browsers: browserslist, lintAllEsApis: true },
    rules: {
      'compat/compat': 'error',
      // Newer than Safari 16.4 and unknown to compat's data: use the fallback beside each.
      'no-restricted-properties': [
        'error',
        { object: 'AbortSignal', property: 'any', message: 'Safari < 17.4 lacks it: combine signals by hand (see http/client.ts).' },
        { object: 'Promise', property: 'withResolvers', message: 'Safari < 17.4 lacks it.' },
        { object: 'Object', property: 'groupBy', message: 'Safari < 17.4 lacks it.' },
        { object: 'Map', property: 'groupBy', message: 'Safari < 17.4 lacks it.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/e2e/**/*.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
