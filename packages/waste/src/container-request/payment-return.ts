import { html, nothing, type TemplateResult } from 'lit';
import { readPaymentState, validate, type PaymentState } from '@council-kit/contracts';
import type { HttpClient, Locale } from '@council-kit/core';
import { confirmationPanel } from '@council-kit/core/forms';
import { containerPaymentPath } from '../shared/endpoints.js';
import { paymentReturnStrings, type PaymentReturnKey } from './payment-return.i18n.js';

/*
 * `<council-container-request>` on the page GOV.UK Pay sends the resident back to
 * (`?payment=<reference>&token=<token>`, the council API's return link): asks the API how the
 * payment went and says so: paid (the amount and what happens next), failed or cancelled (no
 * money taken; "Try paying again" makes a fresh payment), still processing ("Check again"). The
 * element loads this module only on that page, so the form itself carries none of it. The token
 * goes in the Authorization header, never in a URL the API would log.
 */

/** What the return page needs of the element. */
export interface ReturnContext {
  client(): HttpClient;
  /** The element's translation (the council's `strings` win) over a catalogue. */
  translate(catalogue: typeof paymentReturnStrings, key: string, params?: Record<string, string>): string;
  locale(): Locale;
  /** Re-render the element. */
  update(): void;
  busy(text: string): TemplateResult;
  problem(error: unknown, retry: () => void): TemplateResult;
  announce(text: string): void;
  /** Moves focus to the new state's heading once it is on the page. */
  focusHeading(): void;
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

  private readonly ctx: ReturnContext & { t(key: PaymentReturnKey, params?: Record<string, string>): string };

  constructor(
    ctx: ReturnContext,
    readonly reference: string,
    private readonly token: string,
    /** Start by making a fresh payment (the confirmation's "Try paying again") rather than by asking. */
    payFirst = false,
  ) {
    this.ctx = { ...ctx, t: (key, params) => ctx.translate(paymentReturnStrings, key, params) };
    void (payFirst ? this.payAgain() : this.check());
  }

  private get options() {
    return { read: (json: unknown) => validate(readPaymentState, json), headers: { Authorization: `Bearer ${this.token}` } };
  }

  /** Asks the API (which asks Pay) how the payment went. */
  readonly check = (): Promise<void> => this.run(false, () => this.ctx.client().get(containerPaymentPath(this.reference), this.options));

  /** A fresh payment after a failed, cancelled or unstarted one. */
  readonly payAgain = (): Promise<void> =>
    this.run(true, () => this.ctx.client().post(containerPaymentPath(this.reference), {}, { ...this.options, query: { lang: this.ctx.locale() } }));

  private async run(fresh: boolean, call: () => Promise<PaymentState>): Promise<void> {
    this.busy = true;
    this.error = undefined;
    this.ctx.update();
    try {
      this.state = await call();
      this.fresh = fresh && this.state.status === 'created';
      this.ctx.announce(this.title());
    } catch (error) {
      this.error = error;
    }
    this.busy = false;
    this.ctx.update();
    this.ctx.focusHeading();
  }

  private title(): string {
    return this.ctx.t(this.fresh ? 'readyTitle' : titles[this.state!.status]);
  }

  private amount(): string {
    return new Intl.NumberFormat(this.ctx.locale() === 'cy' ? 'cy-GB' : 'en-GB', { style: 'currency', currency: 'GBP' }).format(this.state!.amount / 100);
  }

  render(): TemplateResult {
    const { ctx } = this;
    if (this.busy) return ctx.busy(ctx.t('checking'));
    if (this.error !== undefined || !this.state) return ctx.problem(this.error, () => void this.check());
    const { status, reference, paymentUrl } = this.state;
    const amount = this.amount();
    // Pay's page, only over https (the contract's promise, checked again here).
    const payLink = (key: PaymentReturnKey) =>
      paymentUrl?.startsWith('https://') ? html`<a class="button" part="button" href=${paymentUrl}>${ctx.t(key)}</a>` : nothing;
    if (status === 'paid') {
      return html`${confirmationPanel(ctx.t('paidTitle'), html`${ctx.t('referenceIs')}<br /><strong>${reference}</strong>`)}
        <p>${ctx.t('paidAmount', { amount })}</p>
        <p>${ctx.t('paidNext')}</p>`;
    }
    if (status === 'created') {
      const body = this.fresh ? ctx.t('readyBody', { reference, amount }) : ctx.t('processingBody', { reference });
      return html`<h2 tabindex="-1" data-step-heading>${this.title()}</h2>
        <p>${body}</p>
        ${this.fresh
          ? payLink('pay')
          : html`<button type="button" class="button" part="button" @click=${this.check}>${ctx.t('checkAgain')}</button> ${payLink('continuePaying')}`}`;
    }
    return html`<h2 tabindex="-1" data-step-heading>${this.title()}</h2>
      <p>${ctx.t('unpaidBody', { reference, amount })}</p>
      <button type="button" class="button" part="button" @click=${this.payAgain}>${ctx.t('payAgain')}</button>`;
  }
}
