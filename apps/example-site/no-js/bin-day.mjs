// "Find your bin day" without JavaScript: GOV.UK's "find an address" pattern as GET forms on the
// bin-day page itself (postcode → address list → the property's collections), answered by this
// server from the council API. The messages and the error summary are the elements' own (their
// catalogues, core's template); the collections are `<council-bin-day>` rendered on the server
// with the answer it would have fetched, which it takes over without fetching again when its
// script runs. Only the postcode and the UPRN travel in the URL: neither is personal data.
import { renderElement, renderTemplate } from '@council-kit/ssr';
import { addressLookupStrings, councilApiSource } from '@council-kit/address-lookup';
import { ApiError, coreStrings, councilNow, flowStrings, translate } from '@council-kit/core';
import { errorSummary } from '@council-kit/core/forms';
import { parsePostcode, readCollectionsResult, todayInLondon, validate } from '@council-kit/contracts';
import { collectionsPath, collectionsQuery } from '@council-kit/waste';
import '@council-kit/waste/bin-day';
import { URL } from 'node:url';
import { builtPage, elementAttributes, escapeHtml, fillPage } from './page.mjs';

const tag = 'council-bin-day';
/** The page of the journey in each language (the built file and its address). */
const pages = {
  en: { file: 'bins/collection-days/index.html', path: '/bins/collection-days/' },
  cy: { file: 'cy/bins/collection-days/index.html', path: '/cy/bins/collection-days/' },
};
/** Weeks of collections shown: the element's default. */
const weeks = 8;
const postcodeMessages = { empty: 'errorEmpty', invalid: 'errorInvalid', notServed: 'errorNotServed' };

/**
 * @typedef {{ rootDir: string, apiUrl: string, today?: string, renderToday?: string }} Site
 * @typedef {{ status: number, html: string }} Answer
 */

/**
 * The answer for a bin-day page request carrying the form's fields (`postcode`, `uprn`), or
 * `undefined` for any other request (the static page then answers).
 * @param {URL} url the request's URL, on the site's own origin
 * @param {Site} site
 * @returns {Promise<Answer | undefined>}
 */
export async function binDayAnswer(url, site) {
  const lang = url.pathname === pages.cy.path ? 'cy' : url.pathname === pages.en.path ? 'en' : undefined;
  if (!lang || !(url.searchParams.has('postcode') || url.searchParams.has('uprn'))) return undefined;
  const page = await builtPage(site.rootDir, pages[lang].file);
  const attributes = elementAttributes(page, tag);
  const api = new URL((attributes['api-base'] || '/api/v1').replace(/\/?$/, '/'), site.apiUrl);
  const step = new Step(lang, url, site, api);
  const uprn = url.searchParams.get('uprn') ?? '';
  const body = /^\d{1,12}$/.test(uprn) ? await step.collections(uprn, attributes) : await step.findAddress(url.searchParams.get('postcode') ?? '', url.searchParams.has('uprn'));
  return {
    status: 200,
    html: fillPage(page, { tag, html: body.html, errorPrefix: body.errors ? step.t('errorPrefix') : undefined, today: site.today, hideIntro: body.hideIntro }),
  };
}

class Step {
  /**
   * @param {'en' | 'cy'} lang
   * @param {URL} url
   * @param {Site} site
   * @param {URL} api
   */
  constructor(lang, url, site, api) {
    this.lang = lang;
    this.url = url;
    this.site = site;
    this.api = api;
    this.path = pages[lang].path;
    this.today = todayInLondon(councilNow(site.renderToday ?? site.today));
  }

  /** A message of core's catalogues (problem, error summary, the journeys' "Contact us"…) in the page's language.
   * @param {string} key @param {Record<string, string | number>} [params] */
  t(key, params) {
    return translate(key in flowStrings.en ? flowStrings : coreStrings, key, this.lang, params);
  }

  /** A message of the address lookup's catalogue: the same words as the element.
   * @param {string} key @param {Record<string, string | number>} [params] */
  lookup(key, params) {
    return translate(addressLookupStrings, key, this.lang, params);
  }

  /**
   * GET `path` from the council API, read by its contract's reader; failures as core's ApiError.
   * @template T
   * @param {string} path
   * @param {Record<string, string>} query
   * @param {(json: unknown) => T} read
   */
  async get(path, query, read) {
    const target = new URL(path.replace(/^\//, ''), this.api);
    for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value);
    let response;
    try {
      response = await globalThis.fetch(target, { headers: { accept: 'application/json' }, signal: globalThis.AbortSignal.timeout(10_000) });
    } catch {
      throw new ApiError('network', 'The council API could not be reached');
    }
    if (!response.ok) throw new ApiError('http', `HTTP ${response.status}`, { status: response.status });
    return read(await response.json());
  }

  /**
   * The postcode question, or the addresses for a valid postcode, with the element's messages.
   * @param {string} typed @param {boolean} choosing the address list was sent without a choice
   */
  async findAddress(typed, choosing) {
    const parsed = parsePostcode(typed);
    if (!parsed.ok) return this.postcodeStep(typed, this.lookup(postcodeMessages[parsed.problem]));
    let result;
    try {
      // The element's own source: the same path and query (a Welsh page asks in Welsh) and reader.
      const source = councilApiSource;
      result = await this.get(source.path, source.query(parsed.postcode, this.lang), (json) => source.read(json, parsed.postcode));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) return this.postcodeStep(typed, this.lookup('errorInvalid'));
      return this.problem(error);
    }
    const postcode = escapeHtml(result.postcode);
    if (result.outsideArea) {
      return this.panel(`<h2 class="heading-m">${escapeHtml(this.lookup('outsideTitle', { postcode: result.postcode }))}</h2>
        <p>${escapeHtml(this.lookup('outsideBody'))}</p>
        <p><a href="https://www.gov.uk/find-local-council">${escapeHtml(this.lookup('findCouncil'))}</a></p>
        <p><a href="${this.path}">${escapeHtml(this.lookup('checkPostcode'))}</a></p>`);
    }
    if (result.addresses.length === 0) {
      return this.panel(`<h2 class="heading-m">${escapeHtml(this.lookup('noResultsTitle', { postcode: result.postcode }))}</h2>
        <p>${escapeHtml(this.lookup('noResultsBody'))}</p>
        <p><a href="${this.path}">${escapeHtml(this.lookup('checkPostcode'))}</a></p>`);
    }
    const error = choosing ? this.lookup('errorSelect') : undefined;
    const found = this.lookup('found', { count: result.addresses.length, postcode: result.postcode });
    return this.panel(
      `${await this.summary(error ? [{ field: 'no-js-address', message: error }] : [])}
      <p><span class="visually-hidden">${escapeHtml(this.lookup('postcodeLabel'))}: </span><strong>${postcode}</strong>
        <a href="${this.path}">${escapeHtml(this.t('change'))}<span class="visually-hidden"> ${escapeHtml(this.lookup('changePostcode'))}</span></a></p>
      <form method="get" action="${this.path}" novalidate>
        <input type="hidden" name="postcode" value="${postcode}">
        <div class="form-group${error ? ' form-group-error' : ''}">
          <h2 class="heading-m"><label for="no-js-address">${escapeHtml(found)}</label></h2>
          ${this.fieldError('no-js-address-error', error)}
          <select class="input select${error ? ' input-error' : ''}" id="no-js-address" name="uprn"${error ? ' aria-describedby="no-js-address-error" aria-invalid="true"' : ''}>
            <option value="">${escapeHtml(this.lookup('choose'))}</option>
            ${result.addresses.map((a) => `<option value="${escapeHtml(a.uprn)}">${escapeHtml(a.address)}</option>`).join('\n            ')}
          </select>
        </div>
        <button type="submit" class="button">${escapeHtml(this.lookup('useAddress'))}</button>
      </form>`,
      !!error,
    );
  }

  /** @param {string} typed @param {string} error */
  async postcodeStep(typed, error) {
    return this.panel(
      `${await this.summary([{ field: 'no-js-postcode', message: error }])}
      <form method="get" action="${this.path}" novalidate>
        <div class="form-group form-group-error">
          <label class="label" for="no-js-postcode">${escapeHtml(this.lookup('postcodeLabel'))}</label>
          <p class="hint" id="no-js-postcode-hint">${escapeHtml(this.lookup('postcodeHint'))}</p>
          ${this.fieldError('no-js-postcode-error', error)}
          <input class="input input-width-10 input-error" id="no-js-postcode" name="postcode" type="text" autocomplete="postal-code" spellcheck="false" maxlength="16"
            value="${escapeHtml(typed.slice(0, 16))}" aria-describedby="no-js-postcode-hint no-js-postcode-error" aria-invalid="true">
        </div>
        <button type="submit" class="button">${escapeHtml(this.lookup('find'))}</button>
      </form>`,
      true,
    );
  }

  /** The property's collections: `<council-bin-day>` rendered with them.
   * @param {string} uprn @param {Record<string, string>} attributes the page's own attributes for the element */
  async collections(uprn, attributes) {
    let collections;
    try {
      collections = await this.get(collectionsPath(uprn), collectionsQuery(this.today, weeks, this.lang), (json) => validate(readCollectionsResult, json));
    } catch (error) {
      return this.problem(error);
    }
    const html = await renderElement(tag, {
      attributes: { ...attributes, uprn, 'change-url': this.path },
      properties: { collections },
      data: collections,
      lang: this.lang,
      pageUrl: this.url,
      today: this.site.renderToday ?? this.site.today,
    });
    return { html, errors: false, hideIntro: true };
  }

  /** The failure panel (core's words) with the way forward: the postcode form again, or contact us.
   * @param {unknown} error */
  problem(error) {
    const rateLimited = error instanceof ApiError && error.status === 429;
    return this.panel(`<div class="problem" role="alert">
        <h2 class="heading-m">${escapeHtml(this.t(rateLimited ? 'rateLimitedTitle' : 'problemTitle'))}</h2>
        <p>${escapeHtml(this.t(rateLimited ? 'rateLimitedBody' : 'problemBody'))}</p>
        <p><a href="${this.path}">${escapeHtml(this.lookup('checkPostcode'))}</a></p>
        <p><a href="${this.lang === 'cy' ? '/cy/contact/' : '/contact/'}">${escapeHtml(this.t('contactLink'))}</a></p>
      </div>`);
  }

  /** Core's error summary template, rendered here: the same markup and words as the elements'.
   * @param {{ field: string, message: string }[]} errors */
  summary(errors) {
    return renderTemplate(errorSummary((key, params) => this.t(key, params), errors), { lang: this.lang, pageUrl: this.url });
  }

  /** @param {string} id @param {string | undefined} message */
  fieldError(id, message) {
    return message ? `<p class="error-message" id="${id}"><span class="visually-hidden">${escapeHtml(this.t('errorPrefix'))}</span> ${escapeHtml(message)}</p>` : '';
  }

  /** @param {string} html @param {boolean} [errors] */
  panel(html, errors = false) {
    return { html: `<div class="service-element no-js-step">${html}</div>`, errors, hideIntro: false };
  }
}
