/**
 * Every page of the site, in one list: the Vite build inputs, the layout (language toggle) and
 * the end-to-end tests (axe on every page, 320px check) all read it, so a new page is built and
 * tested once it is listed here. The Vite config refuses to build an HTML file missing from it.
 */
export type Lang = 'en' | 'cy';

export interface Page {
  /** The HTML file under `src/`, e.g. `find-your-address/index.html`. */
  file: string;
  /** The URL path the server answers it on, e.g. `/find-your-address/`. */
  url: string;
  lang: Lang;
  /** The same page in the other language. */
  alternate: string;
  /** The page's one `<h1>` (the tests check it). */
  h1: string;
  /**
   * Loads the elements the way a council's content editor would (Drupal, WordPress): one plain
   * `<script type="module" src="/vendor/council-kit/council-kit.js">` for the CDN build copied
   * into the site at build time, and no script of its own for Vite to bundle.
   */
  cdn?: boolean;
  /**
   * Like `cdn`, with the CDN autoloader instead: one `<script type="module"
   * src="/vendor/council-kit/autoloader.js">`, which fetches each element's module from the same
   * folder when its tag appears.
   */
  autoloader?: boolean;
}

/** Where the CDN build of `@council-kit/elements` is served from (see site/cdn.ts). */
export const cdnPath = '/vendor/council-kit/';
export const cdnScript = `${cdnPath}council-kit.js`;
export const autoloaderScript = `${cdnPath}autoloader.js`;

/** English file → [English h1, Welsh h1, options]. Each has a Welsh twin under `cy/`. */
const twins: [file: string, en: string, cy: string, options?: Pick<Page, 'cdn' | 'autoloader'>][] = [
  ['index.html', 'Council services', 'Gwasanaethau’r cyngor'],
  ['bins/collection-days/index.html', 'Find your bin day', 'Dod o hyd i’ch diwrnod casglu biniau'],
  ['bins/report-missed/index.html', 'Report a missed bin', 'Rhoi gwybod am fin a fethwyd'],
  ['bins/new-bin/index.html', 'Order a new bin', 'Archebu bin newydd'],
  ['bins/garden-waste/index.html', 'Garden waste collections', 'Casgliadau gwastraff gardd'],
  ['bins/bulky-waste/index.html', 'Book a bulky waste collection', 'Trefnu casgliad gwastraff swmpus'],
  ['bins/bulky-waste/manage/index.html', 'Change or cancel a bulky waste collection', 'Newid neu ganslo casgliad gwastraff swmpus'],
  ['repairs/report/index.html', 'Report a repair', 'Rhoi gwybod am waith trwsio'],
  ['repairs/appointment/index.html', 'Manage a repair appointment', 'Rheoli apwyntiad gwaith trwsio'],
  ['find-your-address/index.html', 'Find your address', 'Dod o hyd i’ch cyfeiriad'],
  ['local-services/index.html', 'Find local services', 'Dod o hyd i wasanaethau lleol'],
  ['local-services/service/index.html', 'Service details', 'Manylion y gwasanaeth'],
  ['embed/index.html', 'Bin collection days (no build step)', 'Diwrnodau casglu biniau (heb gam adeiladu)', { cdn: true }],
  ['embed/autoloader/index.html', 'Bin collection days (loaded as needed)', 'Diwrnodau casglu biniau (wedi’u llwytho yn ôl yr angen)', { autoloader: true }],
  ['find-your-address/enter-address.html', 'Enter your address', 'Rhowch eich cyfeiriad'],
  ['find-your-address/submitted.html', 'What you submitted', 'Yr hyn a gyflwynwyd gennych'],
  ['accessibility/index.html', 'Accessibility statement', 'Datganiad hygyrchedd'],
  ['contact/index.html', 'Contact us', 'Cysylltu â ni'],
  ['cookies/index.html', 'Cookies', 'Cwcis'],
  ['404.html', 'Page not found', 'Heb ddod o hyd i’r dudalen'],
];

/** `find-your-address/index.html` → `/find-your-address/`. */
export function urlOf(file: string): string {
  return '/' + file.replace(/(^|\/)index\.html$/, '$1');
}

export const pages: Page[] = twins.flatMap(([file, en, cy, options = {}]) => {
  const enUrl = urlOf(file);
  const cyUrl = urlOf(`cy/${file}`);
  // A missing page has no twin: its language toggle goes to the other language's home page.
  const notFound = file === '404.html';
  return [
    { file, url: enUrl, lang: 'en' as const, alternate: notFound ? '/cy/' : cyUrl, h1: en, ...options },
    { file: `cy/${file}`, url: cyUrl, lang: 'cy' as const, alternate: notFound ? '/' : enUrl, h1: cy, ...options },
  ];
});

export function pageForFile(file: string): Page | undefined {
  return pages.find((page) => page.file === file);
}
