declare module 'virtual:council-manifest' {
  /** The merged custom elements manifest (see manifest-plugin.ts). */
  const manifest: { schemaVersion: string; modules: unknown[] };
  export default manifest;
}
