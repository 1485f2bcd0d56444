// Custom elements manifest settings shared by every element package (`cem analyze --config`).
// The manifest feeds Storybook's docs, IDEs and council developers, so it must show the
// public API only, including what each element inherits from CouncilElement in core.
const coreBase = '../core/src/council-element.ts';

/** Reactive state (`{ state: true }`, non-public fields) is not an attribute anyone can set. */
function publicApiOnly() {
  return {
    name: 'council-kit-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const hidden = new Set(
            (declaration.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name),
          );
          for (const member of declaration.members ?? []) if (hidden.has(member.name)) delete member.attribute;
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
        }
      }
      // The core base class is analysed only so its API is inherited; it is published by core.
      const fromCore = (ref) => ref && ref.module?.startsWith('../core/') && Object.assign(ref, { package: '@council-kit/core', module: undefined });
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          fromCore(declaration.superclass);
          for (const list of ['members', 'attributes', 'events', 'cssProperties', 'cssParts', 'slots']) {
            for (const item of declaration[list] ?? []) fromCore(item.inheritedFrom);
          }
        }
      }
      customElementsManifest.modules = customElementsManifest.modules.filter((m) => !m.path.startsWith('../'));
    },
  };
}

export default {
  globs: ['src/**/*.ts', coreBase],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  litelement: true,
  plugins: [publicApiOnly()],
};
