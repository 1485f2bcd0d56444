import type { StorybookConfig } from '@storybook/web-components-vite';
import { councilManifest } from './manifest-plugin.ts';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Reference' },
  // Storybook's own "Get started" checklist (sidebar widget and menu guide) teaches writing
  // stories; readers of a pattern library do not need it, and it looks like part of the kit.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // The element manifests (plus the CouncilElement base class's JSDoc) reach the preview as a
  // virtual module. storybookTest() applies this viteFinal too, so tests and builds agree.
  viteFinal(viteConfig) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), councilManifest()];
    // The stories' "today" when a test run sets one (stories/support/today.ts).
    viteConfig.define = { ...viteConfig.define, __COUNCIL_TEST_TODAY__: JSON.stringify(process.env.COUNCIL_TEST_TODAY ?? '') };
    // A pattern library, not a page residents load: axe and the docs blocks are big by nature.
    // The manifest plugin loads TypeScript once per build (about a second): not worth a warning.
    viteConfig.build = {
      ...viteConfig.build,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: { ...viteConfig.build?.rolldownOptions, checks: { ...viteConfig.build?.rolldownOptions?.checks, bundlerTimings: false } },
    };
    return viteConfig;
  },
};

export default config;
