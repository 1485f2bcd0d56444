// cdn/autoloader.js: one small script that imports each element's module (cdn/<tag>.js, from
// the folder the autoloader itself was loaded from) the first time its tag is in the page,
// whether it was in the HTML or added later. A page showing only the bin day fetches only the
// bin day's module and the chunks it imports (lit, core, the address lookup it renders).
//
// Elements an element renders in its own shadow root are imported by that element's module, so
// the autoloader watches the document only. It runs under a strict CSP with Trusted Types: it
// uses `import()` from its own origin (script-src 'self'), no script elements, no eval, no HTML.
import { cdnTags } from './tags.js';

const known = new Set<string>(cdnTags);
/** Tags already imported (or being imported), or found unknown: each is handled once. */
const seen = new Set<string>();
const from = import.meta.url;

function load(tag: string): void {
  seen.add(tag);
  if (!known.has(tag)) {
    console.warn(`Council Kit autoloader: no module for <${tag}>`);
    return;
  }
  import(new URL(`${tag}.js`, from).href).catch((error: unknown) => console.warn(`Council Kit autoloader: could not load <${tag}>`, error));
}

function found(element: Element): void {
  const tag = element.localName;
  if (tag.startsWith('council-') && !seen.has(tag)) load(tag);
}

/** Every element not yet defined in `root` (itself included), not inside shadow roots. */
function scan(root: Element | Document): void {
  if (root instanceof Element && root.matches(':not(:defined)')) found(root);
  root.querySelectorAll(':not(:defined)').forEach(found);
}

// Loaded twice (two script tags with different URLs), the second copy stands aside.
const flag = Symbol.for('council-kit.autoloader');
const registry = document as Document & { [flag]?: true };
if (!registry[flag]) {
  registry[flag] = true;
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) scan(node as Element);
    // Nothing left to load: stop watching.
    if (cdnTags.every((tag) => seen.has(tag))) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  scan(document);
}
