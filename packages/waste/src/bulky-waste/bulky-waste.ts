import { type TemplateResult, type PropertyDeclarations, type nothing } from 'lit';
import { CouncilElement, QuestionFlow, type Step } from '@council-kit/core';
import type { BulkyBookingReceipt, PaymentState, SubmissionReceipt } from '@council-kit/contracts';
import type { AddressSource } from '@council-kit/address-lookup';
import { bulkyWasteStrings } from './bulky-waste.i18n.js';
import { styles } from './bulky-waste.styles.js';
import type { BulkyAnswers } from './bulky-answers.js';
import type { FinishContext } from './finish.js';
import type { BulkyManage, ManageContext } from './manage.js';
import type { PaymentReturn } from '../shared/payment-return.js';
import { announceReference, contactLink, LaterSteps, propertyStep, useKnownProperty } from '../shared/waste-steps.js';

/** `detail` of `council-bulky-booked`. */
export interface BulkyBookedDetail {
  reference: string;
  collectionDate: string;
  /** In pence. */
  amount: number;
}

/** `detail` of `council-bulky-changed`. */
export interface BulkyChangedDetail {
  reference: string;
  action: 'moved' | 'cancelled';
}

/**
 * Book a bulky waste collection, as GOV.UK question pages: the property, the items from the
 * council's catalogue (checkboxes, each revealing how many; items the council will not take are
 * listed with where to take them instead), where they will be left, a collection date with
 * room left (radios grouped by week), contact details, check answers with the price, and a
 * confirmation with the reference, what to do on the day, how to pay and a link to change or
 * cancel. Opened from that link (`#reference=…&token=…`), it shows the booking instead, to move
 * it to another date or cancel it before the cut-off.
 *
 * @summary Book, change or cancel a bulky waste collection.
 * @slot - Fallback shown until the element upgrades: a link to the council's own form or phone number.
 * @fires council-bulky-booked - The booking was accepted. `detail: { reference, collectionDate, amount }`.
 * @fires council-bulky-changed - The booking was moved or cancelled from its manage link. `detail: { reference, action }`.
 * @fires council-step-change - The resident moved to another page of the form. `detail: { step, index, first, done }`. Never any answers.
 * @csspart button - Every button.
 * @csspart panel - The confirmation panel.
 * @csspart summary-list - The check-answers list.
 * @csspart problem - The panel shown when the service fails.
 * @csspart address-lookup-input - The embedded address lookup's text inputs (see `<council-address-lookup>`).
 * @csspart address-lookup-select - The embedded address lookup's list of addresses.
 * @csspart address-lookup-button - The embedded address lookup's buttons.
 * @csspart address-lookup-error-summary - The embedded address lookup's error summary.
 * @csspart address-lookup-problem - The embedded address lookup's failure panel.
 * @csspart address-lookup-busy - The embedded address lookup's busy indicator.
 * @cssprop --council-success-colour - Confirmation panel background.
 */
export class BulkyWaste extends CouncilElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    uprn: {},
    noRemember: { type: Boolean, attribute: 'no-remember' },
    addressSource: { attribute: false },
    httpOptions: { attribute: false },
    contactUrl: { attribute: 'contact-url' },
    manageUrl: { attribute: 'manage-url' },
  };

  /** Base URL of the council API. */
  apiBase = '';

  /** Start with this property instead of asking for the address. */
  uprn = '';

  /** Do not remember the property or the draft answers (shared computers, kiosks). */
  noRemember = false;

  /**
   * The embedded address lookup's data source (a property, no attribute): see
   * `<council-address-lookup>`'s `source`, e.g. `osPlacesSource`. Unset: the Council Kit contract.
   */
  addressSource?: AddressSource;

  /** Page explaining how to contact the council. */
  contactUrl = '';

  /**
   * The page with this element where a booking is changed or cancelled: the confirmation links
   * to it with the booking's reference and manage token in the fragment. Unset: this page.
   */
  manageUrl = '';

  /** The first page (the property); the questions and the later pages (finish.ts) join it when they load. */
  private readonly steps: Step<BulkyAnswers, SubmissionReceipt>[] = [propertyStep(this, 'items')];

  private readonly flow = new QuestionFlow<BulkyAnswers, SubmissionReceipt>(this, {
    steps: this.steps,
    answers: { contact: { email: '', phone: '' }, items: {}, location: '', locationDetail: '', collectionDate: '' },
    draft: 'bulky-waste',
    t: (key, params) => this.msg(key, params),
    send: (a, idempotencyKey) => this.later.pages!.send(a, idempotencyKey),
    sent: (receipt, a) => {
      announceReference(this.flow.t, receipt);
      const { amount = 0, payment } = receipt as SubmissionReceipt & Partial<BulkyBookingReceipt>;
      // GOV.UK Pay could not start the payment: say so, with "Try paying again" (shared/payment-return.ts).
      if (payment && payment.status !== 'created' && payment.status !== 'paid') this.loadPayment(receipt.reference, payment.token, { reference: receipt.reference, ...payment });
      this.emit<BulkyBookedDetail>('council-bulky-booked', { reference: receipt.reference, collectionDate: a.collectionDate, amount });
    },
    help: () => this.renderContactLink(),
    resume: (a) => (a.collectionDate ? undefined : 'date'),
  });

  /** What the later pages (finish.ts) see of the element. */
  private readonly context: FinishContext = {
    host: this,
    flow: () => this.flow,
    client: () => this.http(this.apiBase),
    date: (iso, weekday) => this.formatDate(iso, { year: false, weekday }),
    manageUrl: () => this.manageUrl || location.href,
    contactLink: () => this.renderContactLink(),
  };

  // A chunk of their own, with the council's catalogue, loaded while the resident finds the property.
  private readonly later = new LaterSteps(this, this.steps, async () => (await import('./finish.js')).finish(this.context));

  /** Opened from a manage link: the booking's pages (manage.ts, loaded on demand). */
  private manage?: BulkyManage;
  private manageLoad?: { reference: string; token: string; failure?: unknown };

  /** On GOV.UK Pay's return page: the payment the resident came back with (payment.ts, loaded on demand). */
  private payment?: PaymentReturn;
  private paymentLoad?: { reference: string; token: string; known?: PaymentState; failure?: unknown };

  override connectedCallback(): void {
    const link = new URLSearchParams(location.hash.replace(/^#/, ''));
    const reference = link.get('reference') ?? '';
    const token = link.get('token') ?? '';
    // Back from GOV.UK Pay (`?payment=<reference>&token=<token>`): say how the payment went.
    const back = new URLSearchParams(location.search);
    const paid = back.get('payment')?.toUpperCase() ?? '';
    const payToken = back.get('token') ?? '';
    if (/^[2-9A-Za-z]{8}$/.test(reference) && /^[\w-]{43}$/.test(token)) this.loadManage(reference.toUpperCase(), token);
    else if (!this.paymentLoad && /^[2-9A-HJKMNP-Z]{8}$/.test(paid) && /^[\w-]{43}$/.test(payToken)) this.loadPayment(paid, payToken);
    else useKnownProperty(this, this.flow, 'items');
    super.connectedCallback();
  }

  /** Shows the payment (payment.ts, loaded now); `known`: as the receipt gave it. */
  private loadPayment(reference: string, token: string, known?: PaymentState): void {
    this.paymentLoad = { reference, token, known };
    this.requestUpdate();
    import('./payment.js').then(
      ({ bulkyPayment }) => {
        const context = { host: this, client: () => this.http(this.apiBase), t: this.t.bind(this), contact: () => this.renderContactLink() };
        this.payment = bulkyPayment(context, reference, token, known);
      },
      (failure: unknown) => {
        this.paymentLoad = { reference, token, known, failure };
        this.requestUpdate();
      },
    );
  }

  /** Shows the booking from its manage link (manage.ts, loaded now). */
  private loadManage(reference: string, token: string): void {
    this.manageLoad = { reference, token };
    this.requestUpdate();
    import('./manage.js').then(
      ({ BulkyManage }) => {
        const context: ManageContext = {
          host: this,
          client: () => this.http(this.apiBase),
          t: (catalogue, key, params) => this.t(catalogue, key, params),
          date: (iso) => this.formatDate(iso),
          contactLink: () => this.renderContactLink(),
          changed: (detail) => this.emit<BulkyChangedDetail>('council-bulky-changed', detail),
        };
        this.manage = new BulkyManage(context, reference, token);
      },
      (failure: unknown) => {
        this.manageLoad = { reference, token, failure };
        this.requestUpdate();
      },
    );
  }

  private msg(key: string, params?: Record<string, string | number>): string {
    return this.t(this.later.words(bulkyWasteStrings), key, params);
  }

  override render(): TemplateResult {
    if (this.paymentLoad) {
      if (this.payment) return this.payment.render();
      const { reference, token, known, failure } = this.paymentLoad;
      return failure ? this.renderProblem(failure, () => this.loadPayment(reference, token, known), this.renderContactLink()) : this.renderBusy(this.msg('loading'));
    }
    if (this.manageLoad) {
      if (this.manage) return this.manage.render();
      const { reference, token, failure } = this.manageLoad;
      return failure ? this.renderProblem(failure, () => this.loadManage(reference, token), this.renderContactLink()) : this.renderBusy(this.msg('loading'));
    }
    // A known property or a restored draft waits for the questions' chunk (and the catalogue).
    if (!this.steps.some((s) => s.id === this.flow.step)) {
      const { failure } = this.later;
      return failure ? this.renderProblem(failure, () => void this.later.load(), this.renderContactLink()) : this.renderBusy(this.msg('loading'));
    }
    return this.flow.render();
  }

  private renderContactLink(): TemplateResult | typeof nothing {
    return contactLink(this.contactUrl, (key) => this.msg(key));
  }
}

// Declared with the class, so importing the class or the package gives typed
// `document.querySelector(…)` and `addEventListener(…)`, with or without the define file.
declare global {
  interface HTMLElementTagNameMap {
    'council-bulky-waste': BulkyWaste;
  }
  interface HTMLElementEventMap {
    'council-bulky-booked': CustomEvent<BulkyBookedDetail>;
    'council-bulky-changed': CustomEvent<BulkyChangedDetail>;
  }
}
