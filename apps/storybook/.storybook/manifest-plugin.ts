// Builds the one custom elements manifest the preview hands to Storybook's autodocs.
//
// - Merges the manifest of every element package (each is built by `cem analyze`).
// - Adds what the elements inherit from `CouncilElement` in @council-kit/core (the `strings`
//   property and the `--council-*` custom properties it documents with @cssprop): the analyzer
//   cannot follow a superclass into another package, so those rows would otherwise be missing.
// - Gives every public `--council-*` token its default from core's tokens.ts.
// - Keeps Storybook's tables to the public API: Storybook lists every member it finds, private
//   state included, and lists a reflected property twice (as property and as attribute).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as TypeScript from 'typescript';
import type { Plugin } from 'vite';

/** Every package that ships elements. Add new element packages here. */
export const elementPackages = ['@council-kit/address-lookup', '@council-kit/directory', '@council-kit/housing-repairs', '@council-kit/waste'];

const coreSrc = fileURLToPath(new URL('../../../packages/core/src/', import.meta.url));
const coreClassFile = `${coreSrc}council-element.ts`;
const coreTokensFile = `${coreSrc}styles/tokens.ts`;

const VIRTUAL_ID = 'virtual:council-manifest';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

interface Item {
  name: string;
  description?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
  fieldName?: string;
  default?: string;
  inheritedFrom?: { name: string; package?: string; module?: string };
  [key: string]: unknown;
}

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  superclass?: { name: string; package?: string; module?: string };
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}

interface Manifest {
  schemaVersion: string;
  readme?: string;
  modules: { kind: string; path: string; declarations?: Declaration[]; exports?: unknown[] }[];
}

const lists = ['members', 'attributes', 'events', 'slots', 'cssParts', 'cssProperties'] as const;

function readJson(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Runs the analyzer over the CouncilElement source (it ships no manifest of its own). */
async function analyzeCore(): Promise<Manifest> {
  const analyzer = (await import('@custom-elements-manifest/analyzer')) as unknown as {
    create(options: { modules: unknown[] }): Manifest;
    ts: typeof TypeScript;
  };
  const source = analyzer.ts.createSourceFile(coreClassFile, readFileSync(coreClassFile, 'utf8'), analyzer.ts.ScriptTarget.ES2022, true);
  return analyzer.create({ modules: [source] });
}

/** `--council-x` → its default, read from the `var(--council-x, default)` fallbacks in tokens.ts. */
function tokenDefaults(): Map<string, string> {
  const defaults = new Map<string, string>();
  const source = readFileSync(coreTokensFile, 'utf8');
  for (const [, name, value] of source.matchAll(/var\((--council-[\w-]+),\s*([^;]+?)\);/g)) {
    if (!defaults.has(name!)) defaults.set(name!, value!.trim());
  }
  return defaults;
}

function byName(items: Item[] = []): Map<string, Item> {
  return new Map(items.map((item) => [item.name, item]));
}

/** Public, instance-level fields only; methods are left out of the tables anyway. */
function isPublicField(member: Item): boolean {
  return (member.kind ?? 'field') === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');
}

export async function buildManifest({ inherit = true } = {}): Promise<Manifest> {
  const require = createRequire(import.meta.url);
  const manifests = elementPackages.map((pkg) => readJson(require.resolve(`${pkg}/custom-elements.json`)));
  const core = inherit ? await analyzeCore() : undefined;
  const base = core?.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === 'CouncilElement');
  const defaults = tokenDefaults();

  const merged: Manifest = { schemaVersion: '1.0.0', readme: '', modules: manifests.flatMap((m) => m.modules) };
  for (const declaration of merged.modules.flatMap((m) => m.declarations ?? [])) {
    if (!declaration.customElement) continue;

    if (base && declaration.superclass?.name === base.name) {
      for (const list of lists) {
        const own = byName(declaration[list]);
        const inherited = (base[list] ?? [])
          .filter((item) => !own.has(item.name))
          .map((item) => ({ ...item, inheritedFrom: { name: base.name, package: '@council-kit/core' } }));
        declaration[list] = [...(declaration[list] ?? []), ...inherited];
      }
    }

    // The analyzer reads `emit(name, …)` in CouncilElement as an event called "name", and the
    // packages' manifests carry it as inherited (through WasteForm too): only real events stay.
    declaration.events = declaration.events?.filter((event) => event.name.includes('-'));

    // Every public token applies to every element (they all read tokens.ts), documented or not.
    const props = byName(declaration.cssProperties);
    for (const [name, value] of defaults) {
      const prop = props.get(name) ?? { name, description: '' };
      prop.default ??= value;
      props.set(name, prop);
    }
    declaration.cssProperties = [...props.values()].sort((a, b) => a.name.localeCompare(b.name));

    // Storybook drops a row without a name, so the default slot would vanish from the table.
    declaration.slots = declaration.slots?.map((slot) => ({ ...slot, name: slot.name || '(default)' }));

    // The analyzer lists `static properties = { x: { state: true } }` as attributes: internal
    // reactive state is not an attribute a council can set, so keep only public fields' ones.
    const fields = byName(declaration.members);
    declaration.attributes = declaration.attributes?.filter((attribute) => {
      const field = attribute.fieldName ? fields.get(attribute.fieldName) : undefined;
      return !field || (field.privacy ?? 'public') === 'public';
    });

    // Storybook keys its argTypes by name across every table, later tables winning: a shadow
    // part named like an attribute (the directory search's `map`) would replace the attribute's
    // row, and its control with it. Such a part is shown as `::part(name)`.
    const taken = new Set([...(declaration.attributes ?? []), ...(declaration.members ?? []).filter(isPublicField)].map((item) => item.name));
    declaration.cssParts = declaration.cssParts?.map((part) => (taken.has(part.name) ? { ...part, name: `::part(${part.name})` } : part));

    // One row per public property: a property with an attribute is shown as the attribute.
    const attributes = byName(declaration.attributes);
    declaration.members = (declaration.members ?? []).filter((member) => {
      if (!isPublicField(member)) return false;
      if (member.attribute && attributes.has(member.attribute)) {
        const attribute = attributes.get(member.attribute)!;
        attribute.description = `${attribute.description ?? member.description ?? ''} (property: \`${member.name}\`)`.trim();
        attribute.default ??= member.default;
        return false;
      }
      return true;
    });
  }
  return merged;
}

/** Serves the merged manifest as `virtual:council-manifest` and rebuilds it when a source changes. */
export function councilManifest(): Plugin {
  return {
    name: 'council-kit:manifest',
    resolveId: {
      filter: { id: new RegExp(`^${VIRTUAL_ID}$`) },
      handler: () => RESOLVED_ID,
    },
    load: {
      filter: { id: new RegExp(`^\0${VIRTUAL_ID}$`) },
      async handler() {
        const require = createRequire(import.meta.url);
        for (const pkg of elementPackages) this.addWatchFile(require.resolve(`${pkg}/custom-elements.json`));
        this.addWatchFile(coreClassFile);
        this.addWatchFile(coreTokensFile);
        // Story tests never show docs: skip loading TypeScript for the analyzer there.
        return `export default ${JSON.stringify(await buildManifest({ inherit: !process.env.VITEST }))};`;
      },
    },
  };
}
