import { beforeAll, describe, expect, it } from 'vitest';
// The renderer first (its DOM shim), then the elements, as a server would import them.
import { renderElement } from '../src/index.js';
import { parseOrukCategories, parseOrukPage, parseOrukService } from '@council-kit/contracts';
import { orukTaxonomyTerms, orukV3Page } from '@council-kit/contracts/fixtures';
import { DirectorySearch, type DirectorySearchAnswer } from '@council-kit/directory';
import '@council-kit/directory/define';

// The directory's elements rendered with the feed's answer (what the example site's
// no-JavaScript journey does, no-js/directory.mjs): the element's own form, results and messages.
const categories = parseOrukCategories(orukTaxonomyTerms);
const query = { text: 'food', categories: [categories[0]!.id], postcode: '', distance: 5, page: 1 };
const answer: DirectorySearchAnswer = { query, categories, page: { ...parseOrukPage(orukV3Page, 'v3'), totalPages: 3 } };
const pageUrl = 'https://council.example/local-services/?q=food&category=' + categories[0]!.id;
const search = (value: DirectorySearchAnswer, lang: 'en' | 'cy' = 'en') =>
  renderElement('council-directory-search', { attributes: { 'api-base': '/oruk', 'detail-url': '/local-services/service/' }, properties: { answer: value }, data: value, lang, pageUrl });
/** The HTML without Lit's hydration markers. */
const bare = (html: string) => html.replace(/<!--.*?-->/g, '');
/** The text a reader gets: Lit's markers and tags out, whitespace collapsed. */
const text = (html: string) => bare(html).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('rendering the directory search', () => {
  beforeAll(() => DirectorySearch.resultsReady());

  it('renders the results and a form that sends the search by GET, its fields named as the URL names them', async () => {
    const html = await search(answer);
    expect(text(html)).toContain('2 services found');
    expect(html).toContain('href="/local-services/service/?id=svc-food-bank"');
    expect(html).toMatch(/<input class="input" id="text" name="q" [^>]*value="food"/);
    expect(html).toMatch(/id="postcode" name="postcode"/);
    expect(html).toMatch(/<select class="select" id="distance" name="distance"/);
    // The chosen category's box is checked, the others not ("checked" is a boolean attribute).
    expect(html).toMatch(new RegExp(`name="category" value="${categories[0]!.id}"\\s+checked`));
    expect(html.match(/\schecked[\s=>]/g)).toHaveLength(1);
    expect(html).not.toContain('<style');
    expect(html).toMatch(/<link rel="stylesheet" href="\/council-kit\/ssr\/council-directory-search\.[0-9a-f]{10}\.css">/);
  });

  it('pages by links to the same search (buttons once the element is defined)', async () => {
    const html = bare(await search(answer));
    expect(html).toContain(`<a class="no-js-only" href="${pageUrl.replace(/&/g, '&amp;')}&amp;page=2">Next</a>`);
    expect(html).toContain('<a class="no-js-only" href="https://council.example/local-services/">Clear search and filters</a>');
    expect(html).toMatch(/<button type="button" class="link js-only"\s*>Next<\/button>/);
  });

  it('speaks the page language', async () => {
    const html = await search(answer, 'cy');
    expect(text(html)).toContain('Chwilio am wasanaeth');
    expect(text(html)).toContain('Nesaf');
    expect(text(html)).not.toContain('Search for a service');
  });

  it('shows the postcode error, and a failed search, as the element does', async () => {
    const invalid = await search({ query: { ...query, postcode: 'NOPE' }, categories });
    expect(text(invalid)).toContain('There is a problem Enter a full UK postcode, like AN1 1AA');
    expect(invalid).toMatch(/aria-invalid="true"[^>]*value="NOPE"/);
    expect(text(invalid)).not.toContain('services found');

    const failed = bare(await search({ query, categories, failed: 503 }));
    expect(text(failed)).toContain('Sorry, there is a problem with the service');
    // Try again is a link to the same search until the element is defined.
    expect(failed).toContain(`<p class="no-js-only"><a href="${pageUrl.replace(/&/g, '&amp;')}">Try again</a></p>`);
  });
});

describe('rendering a service', () => {
  it('renders the service given, its name as the heading, in the page language', async () => {
    const service = parseOrukService(orukV3Page.contents[0]);
    const html = await renderElement('council-service-detail', {
      attributes: { 'api-base': '/oruk', 'service-id': service.id, 'heading-level': 1, 'back-url': '/cy/local-services/' },
      properties: { service },
      data: service,
      lang: 'cy',
      pageUrl: 'https://council.example/cy/local-services/service/?id=svc-food-bank',
    });
    expect(html).toMatch(/<div role="heading" aria-level="1" [^>]*>(<!--.*?-->)*Anytown Food Bank/);
    expect(text(html)).toContain('Bob dydd Llun, bob dydd Mercher a bob dydd Gwener 10yb i 12:30yp');
    expect(html).toContain('<a href="/cy/local-services/">');
    expect(html).toContain('data-council-data');
  });
});
