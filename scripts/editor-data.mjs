// Editor support, generated from the package's custom elements manifest at build (run in an
// element package's folder, after the manifest): `vscode.html-custom-data.json` for VS Code's
// `html.customData` setting and `web-types.json` for JetBrains IDEs (found through the
// package.json `web-types` field). A council developer typing `<council-bin-day ` in an HTML file
// gets the element's attributes (with their descriptions, defaults and allowed values), and in
// the hover its events, slots, CSS parts and custom properties.
//
//   node ../../scripts/editor-data.mjs        (from packages/<package>, as its build does)
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const packageDir = process.cwd();
const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
if (!pkg.customElements) throw new Error(`${pkg.name}: no customElements in package.json`);
const manifest = JSON.parse(readFileSync(path.join(packageDir, pkg.customElements), 'utf8'));
const docs = pkg.homepage;

/** `export type Name = 'a' | 'b';` in any package's sources: what an attribute typed by an alias allows. */
function typeAliases() {
  const aliases = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !/\.(test|stories)\.ts$/.test(file)) {
        for (const [, name, union] of readFileSync(file, 'utf8').matchAll(/export type (\w+) =\s*([^;]+);/g)) aliases.set(name, union.trim());
      }
    }
  };
  for (const dir of readdirSync(path.join(root, 'packages'))) {
    try {
      walk(path.join(root, 'packages', dir, 'src'));
    } catch {
      // a package without sources
    }
  }
  return aliases;
}
const aliases = typeAliases();

/** The string literals a type allows (`'v3' | 'v1' | 'auto'`, or an alias of one), else none. */
function enumValues(typeText = '') {
  const text = aliases.get(typeText.trim()) ?? typeText;
  const parts = text.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null');
  const literal = /^(['"])(.*)\1$/;
  if (parts.length < 2 || !parts.every((p) => literal.test(p))) return [];
  return parts.map((p) => literal.exec(p)[2]);
}

/** Every element declaration, members deduplicated by name (inherited ones included). */
const elements = manifest.modules
  .flatMap((mod) => mod.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .map((d) => {
    const unique = (list = []) => [...new Map(list.map((item) => [item.name, item])).values()];
    return {
      tag: d.tagName,
      summary: d.summary ?? '',
      description: d.description ?? '',
      attributes: unique(d.attributes),
      // The analyzer reads core's `new CustomEvent(name, …)` helper as an event called "name":
      // an inherited event with no description is not one anybody can listen for.
      events: unique(d.events).filter((e) => e.description || !e.inheritedFrom),
      slots: unique(d.slots),
      cssParts: unique(d.cssParts),
      cssProperties: unique(d.cssProperties),
      properties: unique((d.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public')),
    };
  })
  .sort((a, b) => a.tag.localeCompare(b.tag));
if (elements.length === 0) throw new Error(`${pkg.name}: the manifest declares no custom elements`);

const oneLine = (text = '') => text.replace(/\s*\n\s*/g, ' ').trim();
const list = (title, items, name) =>
  items.length ? `\n\n**${title}:**\n${items.map((i) => `- \`${name(i)}\`${i.description ? `: ${oneLine(i.description)}` : ''}`).join('\n')}` : '';

/** The hover text: what the element is, then what VS Code's format has no field for. */
function describe(el, { extras }) {
  const intro = [el.summary, el.description].filter(Boolean).join('\n\n');
  if (!extras) return intro;
  return (
    intro +
    list('Events', el.events, (e) => e.name) +
    list('Slots', el.slots, (s) => s.name || '(default)') +
    list('CSS parts', el.cssParts, (p) => `::part(${p.name})`) +
    list('CSS custom properties', el.cssProperties, (p) => p.name)
  );
}

const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tag,
    description: { kind: 'markdown', value: describe(el, { extras: true }) },
    attributes: el.attributes.map((a) => {
      const values = enumValues(a.type?.text);
      return {
        name: a.name,
        description: [oneLine(a.description), a.default !== undefined ? `Default: \`${a.default}\`.` : ''].filter(Boolean).join(' '),
        ...(a.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
      };
    }),
    ...(docs ? { references: [{ name: `${pkg.name} README`, url: docs }] } : {}),
  })),
};

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tag,
        description: describe(el, { extras: false }),
        ...(docs ? { 'doc-url': docs } : {}),
        attributes: el.attributes.map((a) => {
          const values = enumValues(a.type?.text);
          return {
            name: a.name,
            description: oneLine(a.description),
            ...(a.default !== undefined ? { default: a.default } : {}),
            value:
              a.type?.text === 'boolean'
                ? { kind: 'no-value', type: 'boolean' }
                : { kind: 'plain', type: values.length ? values.map((v) => `'${v}'`).join(' | ') : (a.type?.text ?? 'string').replace(/\s*\|\s*undefined$/, '') },
            ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
          };
        }),
        slots: el.slots.map((s) => ({ name: s.name, description: oneLine(s.description) })),
        events: el.events.map((e) => ({ name: e.name, description: oneLine(e.description) })),
        js: {
          properties: el.properties.map((p) => ({ name: p.name, description: oneLine(p.description), type: p.type?.text })),
          events: el.events.map((e) => ({ name: e.name, description: oneLine(e.description) })),
        },
        css: {
          properties: el.cssProperties.map((p) => ({ name: p.name, description: oneLine(p.description) })),
          parts: el.cssParts.map((p) => ({ name: p.name, description: oneLine(p.description) })),
        },
      })),
    },
    css: {
      properties: [...new Map(elements.flatMap((el) => el.cssProperties).map((p) => [p.name, { name: p.name, description: oneLine(p.description) }])).values()],
      'pseudo-elements': [
        ...new Map(elements.flatMap((el) => el.cssParts).map((p) => [p.name, { name: `part(${p.name})`, description: oneLine(p.description) }])).values(),
      ],
    },
  },
};

writeFileSync(path.join(packageDir, 'vscode.html-custom-data.json'), `${JSON.stringify(vscode, null, 2)}\n`);
writeFileSync(path.join(packageDir, 'web-types.json'), `${JSON.stringify(webTypes, null, 2)}\n`);
console.log(`${pkg.name}: editor data for ${elements.map((el) => `<${el.tag}>`).join(', ')}`);
