import { LitElement, type TemplateResult, type PropertyDeclarations, type nothing } from 'lit';
import { announce } from './announcer.js';
import { busy, errorSummary, problemPanel, type FieldError, type Translate } from './forms/panels.js';
import { HttpClient, type HttpClientOptions, type HttpConfig } from './http/client.js';
import { coreStrings } from './i18n/core.i18n.js';
import { formatDate } from './i18n/dates.js';
import { localeOf, onLangChange, type Locale } from './i18n/locale.js';
import { translate, type Catalogue, type Params, type StringOverrides } from './i18n/translate.js';
import { sharedStyles } from './styles/index.js';
import { fieldError } from './templates.js';
import { registerCore } from './version.js';

export type { FieldError };

// Every copy of core records its version on the page, so a second, different one is reported
// once in the console instead of running unnoticed (see version.ts).
registerCore();

/**
 * The base class of every Council Kit element: shared styles, language from the page, council
 * string overrides, the http client, the live-region announcer, events, and the failure and
 * error-summary templates every pattern needs.
 *
 * @cssprop --council-font-family - Font stack (default: the system UI font).
 * @cssprop --council-font-size - Body text size (default 19px, 16px on small screens).
 * @cssprop --council-line-height - Body line height (default 1.3158, 1.25 on small screens).
 * @cssprop --council-text-colour - Body text colour (default #0b0c0c).
 * @cssprop --council-secondary-text-colour - Hint and secondary text colour (default #505a5f).
 * @cssprop --council-background - Background of inputs and panels (default #fff).
 * @cssprop --council-link-colour - Link colour (default #1d70b8).
 * @cssprop --council-link-hover-colour - Link colour on hover (default #003078).
 * @cssprop --council-brand-colour - The council's brand colour, for accents (default #1d70b8).
 * @cssprop --council-focus-colour - Focus highlight (default GOV.UK yellow #ffdd00).
 * @cssprop --council-focus-text-colour - Text on the focus highlight (default #0b0c0c).
 * @cssprop --council-error-colour - Error colour (default #d4351c).
 * @cssprop --council-success-colour - Confirmation panel colour (default #00703c).
 * @cssprop --council-border-colour - Borders and dividers (default #b1b4b6).
 * @cssprop --council-input-border-colour - Text input and select borders (default #0b0c0c).
 * @cssprop --council-button-colour - Primary button colour (default #00703c).
 * @cssprop --council-button-text-colour - Primary button text (default #fff).
 * @cssprop --council-button-shadow-colour - Primary button's bottom edge (default #002d18).
 * @cssprop --council-secondary-button-colour - Secondary button colour (default #f3f2f1).
 * @cssprop --council-secondary-button-shadow-colour - Secondary button's bottom edge (default #929191).
 * @cssprop --council-panel-colour - Background of status labels (default #f3f2f1).
 * @cssprop --council-radius - Corner radius of buttons (default 0, as GOV.UK).
 */
export class CouncilElement extends LitElement {
  static override styles = sharedStyles;
  static override properties: PropertyDeclarations = {
    strings: { attribute: false },
    today: {},
    locale: { state: true },
  };

  /**
   * Council overrides for any message, by language: `{ en: { key: 'text' }, cy: { key: 'testun' } }`.
   * Keys are listed in each element's documentation.
   */
  strings?: StringOverrides;

  /**
   * The date to treat as today (`YYYY-MM-DD`, Europe/London), for previews, demos and tests.
   * Set it before the element connects: it is read before the first fetch. Default: the page's
   * `<meta name="council-today">`, else the real date (see `councilNow`).
   */
  today?: string;

  /**
   * Headers and credentials for this element's requests (a property, no attribute), merged over
   * the page-wide settings of `configureHttp`, header by header, and read at each request:
   * `el.httpOptions = { headers: { 'x-api-key': '…' } }`.
   */
  httpOptions?: HttpConfig;

  /** The page language this element follows (closest `[lang]` ancestor). */
  protected locale: Locale = 'en';

  private stopWatchingLang?: () => void;
  private clients = new Map<string, HttpClient>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.locale = localeOf(this);
    this.stopWatchingLang = onLangChange(() => {
      this.locale = localeOf(this);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingLang?.();
    this.clients.forEach((client) => client.abortAll());
  }

  /**
   * Focuses the first focusable thing inside (a step heading, a control or a link), as
   * `delegatesFocus` would. Not `delegatesFocus` itself: with it, pressing the mouse on a label
   * or any text inside moves focus to that first thing (often an off-screen heading) and
   * scrolls to it, so the click lands elsewhere and the radio is not chosen.
   */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[tabindex],a[href],button,input,select,textarea')?.focus(options);
  }

  /**
   * Translates `key` from `catalogue` in the page language; a key the catalogue lacks comes from
   * the shared core catalogue (so a journey's `t` also gives "There is a problem", "Try again"…).
   * Council overrides win either way.
   */
  protected t(catalogue: Catalogue, key: string, params?: Params): string;
  protected t(key: keyof (typeof coreStrings)['en'], params?: Params): string;
  protected t(a: Catalogue | string, b?: string | Params, c?: Params): string {
    if (typeof a === 'string') return translate(coreStrings, a, this.locale, b as Params, this.strings);
    return translate((b as string) in a.en ? a : coreStrings, b as string, this.locale, c, this.strings);
  }


  /** The http client for `base`; one per base, so superseded requests abort each other. */
  protected http(base: string, options?: HttpClientOptions): HttpClient {
    let client = this.clients.get(base);
    if (!client) this.clients.set(base, (client = new HttpClient(base, options)));
    client.config = this.httpOptions;
    return client;
  }

  /** Says `message` through the page's one polite live region. */
  protected announce(message: string): void {
    announce(message);
  }

  /** Dispatches a `council-*` event that crosses shadow boundaries. */
  protected emit<T>(name: `council-${string}`, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
  }

  /** A contract date in the page language, GOV.UK style ("Tuesday 25 November 2025"). */
  protected formatDate(iso: string, options?: { weekday?: boolean; year?: boolean }): string {
    return formatDate(iso, this.locale, options);
  }

  /** Moves focus to the first element matching `selector` in the shadow root, after rendering. */
  protected async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * The failure panel: what went wrong, in plain words, what to do next, and "Try again" when
   * trying again can help. `extra` carries the element's own way forward (e.g. a phone number).
   */
  protected renderProblem(error: unknown, retry?: () => void, extra?: TemplateResult | typeof nothing): TemplateResult {
    return problemPanel(this.t.bind(this) as Translate, error, retry, extra);
  }

  /** The GOV.UK error summary. Each entry moves focus to its field when activated. */
  protected renderErrorSummary(errors: FieldError[]): TemplateResult | typeof nothing {
    return errorSummary(this.t.bind(this) as Translate, errors);
  }

  /** The inline error message for a field, with the visually hidden "Error:" prefix GOV.UK uses. */
  protected renderFieldError(id: string, message?: string): TemplateResult | typeof nothing {
    return fieldError(id, message, this.t('errorPrefix'));
  }

  /**
   * The busy state: a spinner (still under reduced motion) and text. Not a live region itself:
   * elements announce a noticeable wait through the page's one announcer.
   */
  protected renderBusy(text: string): TemplateResult {
    return busy(text);
  }
}
