import path from 'node:path';
import type { Plugin } from 'vite';
import { autoloaderScript, cdnPath, cdnScript, pageForFile, type Lang, type Page } from './pages.ts';

/**
 * The shared layout, applied to every page at build time (and by the dev server): pages hold
 * only their own `<head>` details and `<main>`, with three markers this plugin fills in:
 * `<!-- site:head -->`, `<!-- site:header -->` and `<!-- site:footer -->`. Plain HTML comes out:
 * no inline script or style, so the pages run under `default-src 'self'`.
 */
const text: Record<Lang, Record<string, string>> = {
  en: {
    skip: 'Skip to main content',
    home: 'Anytown Borough Council',
    language: 'Language',
    phaseTag: 'Beta',
    phase: '— this is a demonstration site',
    support: 'Support links',
    accessibility: 'Accessibility statement',
    cookies: 'Cookies',
    fictional:
      'Anytown is a fictional place. This site shows Council Kit, reusable patterns for council services, working in a council’s own pages.',
  },
  cy: {
    skip: 'Neidio i’r prif gynnwys',
    home: 'Cyngor Bwrdeistref Anytown',
    language: 'Iaith',
    phaseTag: 'Beta',
    phase: '— safle arddangos yw hwn',
    support: 'Dolenni cymorth',
    accessibility: 'Datganiad hygyrchedd',
    cookies: 'Cwcis',
    fictional:
      'Lle dychmygol yw Anytown. Mae’r safle hwn yn dangos Council Kit, patrymau y gellir eu hailddefnyddio ar gyfer gwasanaethau cyngor, yn gweithio yn nhudalennau cyngor ei hun.',
  },
};

function prefix(lang: Lang): string {
  return lang === 'cy' ? '/cy/' : '/';
}

export function head(page: Page): string {
  const other: Lang = page.lang === 'en' ? 'cy' : 'en';
  return [
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="theme-color" content="#0b0c0c">',
    '<meta name="referrer" content="no-referrer">',
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    `<link rel="alternate" hreflang="${other}" href="${page.alternate}" vite-ignore>`,
    '<link rel="stylesheet" href="/styles/site.css">',
  ].join('\n    ');
}

export function header(page: Page): string {
  const t = text[page.lang];
  const en = page.lang === 'en';
  const english = en
    ? '<span class="language-toggle-current" aria-current="true">English</span>'
    : `<a class="language-toggle-link" href="${page.alternate}" hreflang="en" lang="en">English</a>`;
  const welsh = en
    ? `<a class="language-toggle-link" href="${page.alternate}" hreflang="cy" lang="cy">Cymraeg</a>`
    : '<span class="language-toggle-current" aria-current="true">Cymraeg</span>';
  return `<a href="#main-content" class="skip-link">${t.skip}</a>
    <header class="header">
      <div class="width-container header-inner">
        <a href="${prefix(page.lang)}" class="header-logo">${t.home}</a>
        <nav class="language-toggle" aria-label="${t.language}">
          <ul class="language-toggle-list">
            <li>${english}</li>
            <li>${welsh}</li>
          </ul>
        </nav>
      </div>
    </header>
    <div class="phase-banner">
      <p class="width-container phase-banner-content"><strong class="tag">${t.phaseTag}</strong> <span>${t.phase}</span></p>
    </div>`;
}

export function footer(page: Page): string {
  const t = text[page.lang];
  const base = prefix(page.lang);
  return `<footer class="footer">
      <div class="width-container">
        <h2 class="visually-hidden">${t.support}</h2>
        <ul class="footer-links">
          <li><a href="${base}accessibility/">${t.accessibility}</a></li>
          <li><a href="${base}cookies/">${t.cookies}</a></li>
        </ul>
        <p class="footer-meta">${t.fictional}</p>
      </div>
    </footer>`;
}

/** Text of the page's `<h1>` elements, tags removed. */
function headings(html: string): string[] {
  return [...html.matchAll(/<h1\b[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
}

/** Every `<script>` start tag with a `src`, and that `src`. */
function scriptsWithSrc(html: string): { tag: string; src: string }[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"[^>]*>/gi)].map((m) => ({ tag: m[0], src: m[1]! }));
}

/**
 * Scripts: a page either has its own module under `/scripts/` for Vite to bundle, or (a `cdn`
 * page) only the plain CDN tag a content editor pastes, `<script type="module"
 * src="/vendor/council-kit/council-kit.js">` (an `autoloader` page: `…/autoloader.js`), which
 * Vite must copy as it is: it is marked
 * `vite-ignore` here (Vite drops the marker from the output). The two never mix.
 */
function checkScripts(html: string, page: Page, problems: string[]): string {
  const scripts = scriptsWithSrc(html);
  if (!page.cdn && !page.autoloader) {
    if (scripts.some((s) => s.src.startsWith(cdnPath))) problems.push(`${cdnPath} script on a page not marked cdn in site/pages.ts`);
    return html;
  }
  // An `autoloader` page loads the CDN autoloader instead of the whole CDN build, the same way.
  const script = page.autoloader ? autoloaderScript : cdnScript;
  const others = scripts.filter((s) => s.src !== script);
  if (others.length) problems.push(`a cdn page loads only ${script}, found ${others.map((s) => s.src).join(', ')}`);
  const cdn = scripts.filter((s) => s.src === script);
  if (cdn.length !== 1 || !/\btype="module"/.test(cdn[0]!.tag)) problems.push(`a cdn page needs exactly one <script type="module" src="${script}">`);
  if (problems.length) return html;
  return html.replace(cdn[0]!.tag, cdn[0]!.tag.replace(/>$/, ' vite-ignore>'));
}

/** Fills the layout markers, and refuses pages that break the site's rules. */
export function applyLayout(source: string, page: Page): string {
  let html = source;
  const problems: string[] = [];
  if (!new RegExp(`<html lang="${page.lang}">`).test(html)) problems.push(`<html lang="${page.lang}"> is missing`);
  const h1 = headings(html);
  if (h1.length !== 1 || h1[0] !== page.h1) problems.push(`expected one <h1>${page.h1}</h1>, found ${JSON.stringify(h1)}`);
  if (!/<main id="main-content"[\s>]/.test(html)) problems.push('<main id="main-content"> is missing');
  if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) problems.push('inline <script> (the CSP forbids it)');
  if (/<style[\s>]|\sstyle="/i.test(html)) problems.push('inline style (the CSP forbids it)');
  if (/\son[a-z]+="/i.test(html)) problems.push('inline event handler (the CSP forbids it)');
  for (const marker of ['head', 'header', 'footer']) {
    if (!html.includes(`<!-- site:${marker} -->`)) problems.push(`<!-- site:${marker} --> marker is missing`);
  }
  html = checkScripts(html, page, problems);
  if (problems.length) throw new Error(`${page.file}: ${problems.join('; ')}`);
  return html
    .replace('<!-- site:head -->', head(page))
    .replace('<!-- site:header -->', header(page))
    .replace('<!-- site:footer -->', footer(page));
}

export function siteLayout(srcDir: string): Plugin {
  return {
    name: 'anytown-site-layout',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const file = path.relative(srcDir, ctx.filename).split(path.sep).join('/');
        const page = pageForFile(file);
        if (!page) throw new Error(`${file} is not listed in site/pages.ts`);
        return applyLayout(html, page);
      },
    },
  };
}
