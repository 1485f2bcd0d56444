import { html, nothing, type TemplateResult } from 'lit';
import { readPaymentState, validate, type PaymentState } from '@council-kit/contracts';
import { announce, coreStrings, localeOf, type Catalogue, type HttpClient } from '@council-kit/core';
import { busy, confirmationPanel, problemPanel, type Translate } from '@council-kit/core/forms';

/*
 * A waste form (`<council-container-request>`, `<council-garden-waste>`, …) on the page GOV.UK
 * Pay sends the resident back to (`?payment=<reference>&token=<token>`, the council API's return
 * link): asks the API how the payment went and says so: paid (the amount and what happens next),
 * failed or cancelled (no money taken; "Try paying again" makes a fresh payment), still
 * processing ("Check again"). An element loads this module only on that page (or when Pay could
 * not start), so the form itself carries none of it. The token goes in the Authorization header,
 * never in a URL the API would log. Each element gives its own words (`strings`, the keys of
 * {@link PaymentReturnKey}) and the collection its submissions are POSTed to (`collection`).
 */

/** The messages of the return page; each element has a catalogue of them in its own words. */
export type PaymentReturnKey =
  | 'checking'
  | 'paidTitle'
  | 'paidAmount'
  | 'referenceIs'
  | 'paidNext'
  | 'failedTitle'
  | 'cancelledTitle'
  | 'errorTitle'
  | 'unpaidBody'
  | 'payAgain'
  | 'processingTitle'
  | 'processingBody'
  | 'checkAgain'
  | 'continuePaying'
  | 'readyTitle'
  | 'readyBody'
  | 'pay';

/** What the return page needs of the element. */
export interface ReturnContext {
  /** The element: re-rendered on each change; its language and shadow root. */
  host: HTMLElement & { requestUpdate(): void; updateComplete: Promise<boolean> };
  client(): HttpClient;
  /** The element's translation over a catalogue (the council's `strings` win). */
  t(catalogue: Catalogue, key: string, params?: Record<string, string>): string;
  /** The council's contact link, under a problem. */
  contact(): unknown;
  /** Where the element's submissions are POSTed (`/waste/container-requests`): the payment is `{collection}/{reference}/payment`. */
  collection: string;
  /** The element's words for the return page. */
  strings: Catalogue<PaymentReturnKey>;
}

const titles: Record<PaymentState['status'], PaymentReturnKey> = {
  paid: 'paidTitle',
  failed: 'failedTitle',
  cancelled: 'cancelledTitle',
  error: 'errorTitle',
  'not-started': 'errorTitle',
  created: 'processingTitle',
};

/** The payment a resident came back with, and what the page shows of it. */
export class PaymentReturn {
  private state?: PaymentState;
  private error?: unknown;
  private busy = true;
  /** True once this page has started a fresh payment: it is ready to pay, not "processing". */
  private fresh = false;

  private readonly t: (key: PaymentReturnKey, params?: Record<string, string>) => string;

  constructor(
    private readonly ctx: ReturnContext,
    readonly reference: string,
    private readonly token: string,
    /** The state the receipt gave (Pay could not start the payment): shown without asking again. */
    known?: PaymentState,
  ) {
    this.t = (key, params) => ctx.t(ctx.strings, key, params);
    if (known) {
      this.state = known;
      this.busy = false;
      void this.settled();
    } else void this.check();
  }

  /** `GET` (how it went) and `POST` (pay again): the submission's payment. */
  private get path(): string {
    return `${this.ctx.collection}/${encodeURIComponent(this.reference)}/payment`;
  }

  private get options() {
    return { read: (json: unknown) => validate(readPaymentState, json), headers: { Authorization: `Bearer ${this.token}` } };
  }

  /** Asks the API (which asks Pay) how the payment went. */
  readonly check = (): Promise<void> => this.run(false, () => this.ctx.client().get(this.path, this.options));

  /** A fresh payment after a failed, cancelled or unstarted one. */
  readonly payAgain = (): Promise<void> =>
    this.run(true, () => this.ctx.client().post(this.path, {}, { ...this.options, query: { lang: localeOf(this.ctx.host) } }));

  private async run(fresh: boolean, call: () => Promise<PaymentState>): Promise<void> {
    const { host } = this.ctx;
    this.busy = true;
    this.error = undefined;
    host.requestUpdate();
    try {
      this.state = await call();
      this.fresh = fresh && this.state.status === 'created';
      announce(this.title());
    } catch (error) {
      this.error = error;
    }
    this.busy = false;
    await this.settled();
  }

  /** Shows the outcome and moves focus to its heading (or the problem's), so a screen reader reads it first. */
  private async settled(): Promise<void> {
    const { host } = this.ctx;
    host.requestUpdate();
    await host.updateComplete;
    host.shadowRoot?.querySelector<HTMLElement>('[data-step-heading], h2')?.focus();
  }

  private title(): string {
    return this.t(this.fresh ? 'readyTitle' : titles[this.state!.status]);
  }

  private amount(): string {
    return new Intl.NumberFormat(localeOf(this.ctx.host) === 'cy' ? 'cy-GB' : 'en-GB', { style: 'currency', currency: 'GBP' }).format(this.state!.amount / 100);
  }

  render(): TemplateResult {
    const { t } = this;
    if (this.busy) return busy(t('checking'));
    if (this.error !== undefined || !this.state) {
      const core = ((key: string) => this.ctx.t(coreStrings, key)) as Translate;
      return problemPanel(core, this.error, () => void this.check(), this.ctx.contact());
    }
    const { status, reference, paymentUrl } = this.state;
    const amount = this.amount();
    // Pay's page, only over https (the contract's promise, checked again here).
    const payLink = (key: PaymentReturnKey) =>
      paymentUrl?.startsWith('https://') ? html`<a class="button" part="button" href=${paymentUrl}>${t(key)}</a>` : nothing;
    if (status === 'paid') {
      return html`${confirmationPanel(t('paidTitle'), html`${t('referenceIs')}<br /><strong>${reference}</strong>`)}
        <p>${t('paidAmount', { amount })}</p>
        <p>${t('paidNext')}</p>`;
    }
    if (status === 'created') {
      const body = this.fresh ? t('readyBody', { reference, amount }) : t('processingBody', { reference });
      return html`<h2 tabindex="-1" data-step-heading>${this.title()}</h2>
        <p>${body}</p>
        ${this.fresh
          ? payLink('pay')
          : html`<button type="button" class="button" part="button" @click=${this.check}>${t('checkAgain')}</button> ${payLink('continuePaying')}`}`;
    }
    return html`<h2 tabindex="-1" data-step-heading>${this.title()}</h2>
      <p>${t('unpaidBody', { reference, amount })}</p>
      <button type="button" class="button" part="button" @click=${this.payAgain}>${t('payAgain')}</button>`;
  }
}
