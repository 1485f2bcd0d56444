// Peers for `npm run bench`, measured in the same run and the same way as our elements
// (scripts/sizes.mjs: esbuild, minified, production conditions, what loads up front, brotli 11):
//
// - govuk-frontend: its whole JavaScript (govuk-frontend.min.js, every component), as shipped.
// - GC Design System (@cdssnc/gcds-components, Stencil): for each of our elements, the GCDS
//   components a council would put together to build the same pattern (`gcdsEquivalents`).
//   GCDS ships form controls and page furniture, not service patterns, so the fetching,
//   validation, drafts and step logic our elements carry would come on top and is not counted:
//   the comparison flatters GCDS. Two ways a page loads them:
//     bundled: a generated entry calling each component's `defineCustomElement` from
//       dist/components (the build for bundlers; it also defines the components each one
//       renders, e.g. gcds-input's label, hint and error message), bundled exactly like our
//       elements. "own" leaves out Stencil's runtime chunk (the module dist/components/index.js
//       re-exports `setAssetPath` from), as our "own" leaves out lit and core; "total" has it.
//     CDN: the lazy loader a page links (dist/gcds/gcds.esm.js), its static imports (the
//       runtime), and the lazy bundles holding the components used, with their static imports.
//       Stencil groups 40 components into one lazy bundle in 0.47, so any page gets them all.
//       gcds.css (tokens and fonts, which the components need) is reported beside, not added.
// - USWDS elements (@uswds/elements, Lit): <usa-banner>, the one finished pattern it ships.
//   dist/components/usa-banner.js bundled like ours; "own" leaves out its copy of lit (the
//   dist/lit-element-*.js chunk it imports), "total" has it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotli, bundle, measure, staticClosure, staticImportsIn } from './sizes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const modules = path.join(root, 'node_modules');
const version = (pkg) => JSON.parse(readFileSync(path.join(modules, pkg, 'package.json'), 'utf8')).version;

const form = ['gcds-heading', 'gcds-fieldset', 'gcds-radios', 'gcds-input', 'gcds-button', 'gcds-error-summary', 'gcds-link', 'gcds-notice'];

/** The GCDS components that do the job of each of our elements (what each one renders, by step). */
export const gcdsEquivalents = {
  // Postcode field, Find button, address list, "enter it manually" fieldset, errors.
  'council-address-lookup': ['gcds-heading', 'gcds-input', 'gcds-button', 'gcds-select', 'gcds-fieldset', 'gcds-error-summary', 'gcds-link'],
  // Headings per bin, upcoming dates in a details, changed-date notices, links, retry button.
  'council-bin-day': ['gcds-heading', 'gcds-text', 'gcds-details', 'gcds-notice', 'gcds-link', 'gcds-button'],
  // Radios for the bin and the date, contact fields, check answers, confirmation notice.
  'council-missed-bin-report': form,
  'council-container-request': form,
  'council-garden-waste': form,
  // Keyword and postcode fields, distance select, category checkboxes in a details, results, pages.
  'council-directory-search': ['gcds-heading', 'gcds-input', 'gcds-select', 'gcds-checkboxes', 'gcds-details', 'gcds-button', 'gcds-link', 'gcds-pagination', 'gcds-error-summary'],
  // Heading, text and links; a notice with a retry button when the feed fails.
  'council-service-detail': ['gcds-heading', 'gcds-text', 'gcds-link', 'gcds-notice', 'gcds-button'],
  // Triage and location radios, description, photos, contact fields, slots, confirmation.
  'council-repair-report': [...form, 'gcds-textarea', 'gcds-file-uploader'],
  // Reference and postcode fields, slot and reason radios, a reason text, confirmation.
  'council-repair-appointment': [...form, 'gcds-textarea'],
};

/** Min and brotli of `entrySource` (an ES module) bundled like our elements, with `external` files left out. */
async function bundleSource(entrySource, external) {
  const dir = mkdtempSync(path.join(tmpdir(), 'council-peer-'));
  try {
    const entry = path.join(dir, 'entry.js');
    writeFileSync(entry, entrySource);
    return measure(await bundle(entry, external));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** govuk-frontend's whole JavaScript, as shipped (already minified). */
function govukFrontend() {
  const bytes = readFileSync(path.join(modules, 'govuk-frontend/dist/govuk/govuk-frontend.min.js'));
  const size = { min: bytes.length, brotli: brotli(bytes) };
  return { name: `govuk-frontend ${version('govuk-frontend')}`, what: "every component's JS", own: size, total: size };
}

const gcdsDir = path.join(modules, '@cdssnc/gcds-components/dist');

/** One set of GCDS components, bundled from dist/components: without and with Stencil's runtime. */
async function gcdsBundled(components) {
  const index = readFileSync(path.join(gcdsDir, 'components/index.js'), 'utf8');
  const runtime = path.join(gcdsDir, 'components', index.match(/export\{[^}]*setAssetPath[^}]*\}from"\.\/([^"]+)"/)[1]);
  const source = components
    .map((tag, i) => `import { defineCustomElement as d${i} } from ${JSON.stringify(path.join(gcdsDir, 'components', `${tag}.js`))};\nd${i}();`)
    .join('\n');
  return { components, own: await bundleSource(source, [runtime]), total: await bundleSource(source, []) };
}

/** What the GCDS CDN loader fetches for `components`: the loader, its runtime, the lazy bundles that hold them. */
function gcdsCdn(components) {
  const dir = path.join(gcdsDir, 'gcds');
  const loader = readFileSync(path.join(dir, 'gcds.esm.js'), 'utf8');
  // The loader's manifest: [[bundleId, [[flags, tag, members…], …]], …].
  const manifest = JSON.parse(loader.match(/JSON\.parse\('(.*?)'\)/)[1]);
  const bundles = manifest.filter(([, members]) => members.some((m) => components.includes(m[1]))).map(([id]) => `${id}.entry.js`);
  const files = new Set();
  for (const start of ['gcds.esm.js', ...bundles]) for (const file of staticClosure(start, staticImportsIn(dir))) files.add(file);
  const css = readFileSync(path.join(dir, 'gcds.css'));
  return { files: [...files], js: measure([...files].map((file) => readFileSync(path.join(dir, file)))), css: { min: css.length, brotli: brotli(css) } };
}

async function gcds() {
  const perElement = {};
  for (const [tag, components] of Object.entries(gcdsEquivalents)) perElement[tag] = await gcdsBundled(components);
  const all = [...new Set(Object.values(gcdsEquivalents).flat())].sort();
  return { name: `@cdssnc/gcds-components ${version('@cdssnc/gcds-components')}`, perElement, all: await gcdsBundled(all), cdn: gcdsCdn(all) };
}

/** <usa-banner> from @uswds/elements, bundled like ours; "own" without its copy of lit. */
async function uswdsBanner() {
  const file = path.join(modules, '@uswds/elements/dist/components/usa-banner.js');
  const lit = path.resolve(path.dirname(file), readFileSync(file, 'utf8').match(/from\s*"(\.\.\/lit-element-[^"]+\.js)"/)[1]);
  const source = `import ${JSON.stringify(file)};`;
  return { name: `@uswds/elements ${version('@uswds/elements')}`, what: '<usa-banner>', own: await bundleSource(source, [lit]), total: await bundleSource(source, []) };
}

/** Every peer; a peer that cannot be measured (not installed, layout changed) reports its error instead. */
export async function measurePeers() {
  const attempt = async (fn) => {
    try {
      return await fn();
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
  return { govukFrontend: await attempt(govukFrontend), gcds: await attempt(gcds), uswdsBanner: await attempt(uswdsBanner) };
}

const ratio = (ours, theirs) => (theirs ? Number((ours / theirs).toFixed(2)) : undefined);

/**
 * Our element beside the peers, as ours ÷ theirs (brotli bytes): below 1 means ours is smaller.
 * "own" compares code without the framework (lit + core / Stencil's runtime / USWDS's lit),
 * "total" everything a page needs for it.
 */
export function peerRatios(size, peers) {
  const gcdsSet = peers.gcds.perElement?.[size.element];
  return {
    gcdsOwn: ratio(size.own, gcdsSet?.own.brotli),
    gcdsTotal: ratio(size.withLitAndCore, gcdsSet?.total.brotli),
    uswdsBannerOwn: ratio(size.own, peers.uswdsBanner.own?.brotli),
    uswdsBannerTotal: ratio(size.withLitAndCore, peers.uswdsBanner.total?.brotli),
    govukFrontendTotal: ratio(size.withLitAndCore, peers.govukFrontend.total?.brotli),
  };
}
