import { describe, expect, it } from 'vitest';
// The renderer first (its DOM shim), then the element, as a server would import them.
import { elementStylesheet, jsonForScript, renderElement, stylesheetNamed } from '../src/index.js';
import { anytownCollectionsOn } from '@council-kit/contracts/fixtures';
import '@council-kit/waste/bin-day';

const today = '2026-12-01';
const collections = anytownCollectionsOn(today);
const binDay = (lang: 'en' | 'cy', pageUrl = 'https://council.example/bins/?uprn=1') =>
  renderElement('council-bin-day', {
    attributes: { 'api-base': '/api/v1', uprn: collections.uprn, 'no-remember': true, 'report-url': undefined },
    properties: { collections },
    data: collections,
    lang,
    pageUrl,
    today,
  });

describe('renderElement', () => {
  it('renders the element with its shadow root as declarative shadow DOM, from the data given', async () => {
    const html = await binDay('en');
    // Attributes as given (true as an empty attribute, undefined left out).
    expect(html).toMatch(/<council-bin-day\s+api-base="\/api\/v1" uprn="100000000001" no-remember(="")?\s*>/);
    expect(html).toContain('<template shadowroot="open" shadowrootmode="open">');
    expect(html).toContain('Bin collections for 1 High Street, Anytown, AN1 1AA');
    expect(html).toContain('Rubbish');
    // Today is the given day: food waste is collected today, rubbish tomorrow.
    expect(html).toMatch(/Tuesday 1 December<!--\/lit-part--> <span class="secondary-text">\(<!--lit-part-->today/);
    expect(html).toMatch(/Wednesday 2 December<!--\/lit-part--> <span class="secondary-text">\(<!--lit-part-->tomorrow/);
  });

  it('speaks the page language', async () => {
    const html = await binDay('cy');
    expect(html).toContain('Casgliadau biniau ar gyfer 1 High Street');
    expect(html).toContain('Dydd Mawrth 1 Rhagfyr');
    expect(html).not.toContain('Bin collections for');
  });

  it('links the element stylesheet instead of an inline <style>, so a style-src \'self\' CSP holds', async () => {
    const html = await binDay('en');
    const sheet = elementStylesheet('council-bin-day');
    expect(html).not.toContain('<style');
    expect(html).toContain(`<link rel="stylesheet" href="/council-kit/ssr/${sheet.fileName}">`);
    expect(sheet.fileName).toMatch(/^council-bin-day\.[0-9a-f]{10}\.css$/);
    expect(sheet.css).toContain(':host');
  });

  it('writes the data for the browser as a JSON data block, which no script can break out of', async () => {
    const hostile = { ...collections, address: '</script><script>alert(1)</script>' };
    const html = await renderElement('council-bin-day', { attributes: { uprn: hostile.uprn }, properties: { collections: hostile }, data: hostile, lang: 'en', pageUrl: 'https://council.example/' });
    const block = /<script type="application\/json" data-council-data>(.*?)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(block!)).toEqual(hostile);
    expect(html.match(/<script/g)).toHaveLength(1);
    // The address is text in the shadow root, escaped.
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('resolves links against the page it renders, each render its own, even at the same time', async () => {
    const [a, b] = await Promise.all([binDay('en', 'https://one.example/bins/'), binDay('en', 'https://two.example/bins/')]);
    expect(a).toContain('href="https://one.example/api/v1/waste/properties/100000000001/collections.ics?lang=en"');
    expect(a).toContain('href="webcal://one.example/api/v1/waste/properties/100000000001/collections.ics?lang=en"');
    expect(b).toContain('href="https://two.example/api/v1/waste/properties/100000000001/collections.ics?lang=en"');
    expect(b).not.toContain('one.example');
  });

  it('refuses what is not a custom element or an attribute name', async () => {
    await expect(renderElement('div', { lang: 'en', pageUrl: 'https://council.example/' })).rejects.toThrow('Not a custom element name');
    await expect(renderElement('council-bin-day', { attributes: { 'x onclick': '1' }, lang: 'en', pageUrl: 'https://council.example/' })).rejects.toThrow('Not an attribute');
  });
});

describe('stylesheets', () => {
  it('serves an element stylesheet only under its own hashed name', () => {
    const sheet = elementStylesheet('council-bin-day');
    expect(stylesheetNamed(sheet.fileName)).toBe(sheet);
    expect(stylesheetNamed('council-bin-day.0000000000.css')).toBeUndefined();
    expect(stylesheetNamed('council-nothing.0000000000.css')).toBeUndefined();
    expect(stylesheetNamed('../secret.css')).toBeUndefined();
  });

  it('says which element is missing', () => {
    expect(() => elementStylesheet('council-unknown')).toThrow('<council-unknown> is not defined');
  });
});

describe('jsonForScript', () => {
  it('is the same JSON, with no "<" left to end the block', () => {
    const value = { text: '<!-- </script> \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
