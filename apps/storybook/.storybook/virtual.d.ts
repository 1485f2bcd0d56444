declare module 'virtual:council-manifest' {
  /** The merged custom elements manifest (see manifest-plugin.ts). */
  const manifest: { schemaVersion: string; modules: unknown[] };
  export default manifest;
}

/** COUNCIL_TEST_TODAY when Storybook was built or tested (`YYYY-MM-DD`), else '' (see stories/support/today.ts). */
declare const __COUNCIL_TEST_TODAY__: string;
