import { type TemplateResult, type PropertyDeclarations, type nothing } from 'lit';
import { ApiError, CouncilElement, QuestionFlow, type Step } from '@council-kit/core';
import { readGardenOffer, validate, type GardenOffer, type GardenReceipt, type PaymentState, type SubmissionReceipt } from '@council-kit/contracts';
import type { AddressSource } from '@council-kit/address-lookup';
import { gardenWasteStrings } from './garden-waste.i18n.js';
import { styles } from './garden-waste.styles.js';
import type { GardenAnswers } from './garden-answers.js';
import type { FinishContext } from './finish.js';
import type { PaymentReturn } from '../shared/payment-return.js';
import { gardenOfferPath } from '../shared/endpoints.js';
import { announceReference, contactLink, LaterSteps, propertyStep, useKnownProperty } from '../shared/waste-steps.js';

/** `detail` of `council-garden-subscribed`. */
export interface GardenSubscribedDetail {
  reference: string;
  bins: number;
  renewal: boolean;
  /** True when the API handed off to a payment page. */
  payment: boolean;
}

/**
 * Subscribe to (or renew) garden waste collections, as GOV.UK question pages: find the property,
 * see whether it can have garden waste and its subscription (and until when), choose how many
 * bins (the council's price, any concession, the subscription year and the pro-rata rule for
 * late starters, all from the API), contact details, check answers with the cancellation and
 * refund rules, then pay through GOV.UK Pay when the council API is configured for it (or "we
 * will send you a link"), and a confirmation with when collections start and the stickers to
 * expect. Every sum is the API's. It never takes payment itself.
 *
 * @summary Subscribe to or renew garden waste collections.
 * @slot - Fallback shown until the element upgrades: a link to the council's own form or phone number.
 * @fires council-garden-subscribed - The subscription or renewal was accepted. `detail: { reference, bins, renewal, payment }`.
 * @fires council-step-change - The resident moved to another page of the form. `detail: { step, index, first, done }`: `index` counts the pages they came through (0 on the first), `first` is true on the opening page (show the page's intro only then), `done` on the confirmation. Never any answers.
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
export class GardenWaste extends CouncilElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    uprn: {},
    noRemember: { type: Boolean, attribute: 'no-remember' },
    addressSource: { attribute: false },
    httpOptions: { attribute: false },
    contactUrl: { attribute: 'contact-url' },
    offer: { state: true },
    loadError: { state: true },
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

  private offer?: GardenOffer;
  private loadError?: ApiError;
  private loadedFor = '';

  /**
   * The first page (the property); the later pages (finish.ts) join it when they load. Until
   * then a known property shows the busy state (see render()).
   */
  private readonly steps: Step<GardenAnswers, SubmissionReceipt>[] = [propertyStep(this, 'offer')];

  private readonly flow = new QuestionFlow<GardenAnswers, SubmissionReceipt>(this, {
    steps: this.steps,
    answers: { contact: { email: '', phone: '' }, bins: '', concession: '' },
    draft: 'garden-waste',
    t: (key, params) => this.msg(key, params),
    send: (a, idempotencyKey) => this.later.pages!.send(a, idempotencyKey),
    sent: (receipt, a) => {
      announceReference(this.flow.t, receipt);
      const garden = receipt as GardenReceipt;
      // GOV.UK Pay could not start the payment: say so, with "Try paying again" (shared/payment-return.ts).
      const { payment } = garden;
      if (payment && payment.status !== 'created' && payment.status !== 'paid') this.loadPayment(garden.reference, payment.token, { reference: garden.reference, ...payment });
      this.emit<GardenSubscribedDetail>('council-garden-subscribed', { reference: garden.reference, bins: Number(a.bins), renewal: garden.renewal, payment: !!garden.paymentUrl });
    },
    help: () => this.renderContactLink(),
  });

  /** What the later pages (finish.ts) see of the element. */
  private readonly context: FinishContext = {
    host: this,
    offer: () => this.offer!,
    date: (iso) => this.formatDate(iso, { weekday: false }),
    money: (pence) => new Intl.NumberFormat(this.locale === 'cy' ? 'cy-GB' : 'en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100),
    contact: () => this.renderContactLink(),
    client: () => this.http(this.apiBase),
  };

  /** On GOV.UK Pay's return page: the payment the resident came back with (shared/payment-return.ts). */
  private payment?: PaymentReturn;
  private paymentLoad?: { reference: string; token: string; known?: PaymentState; failure?: unknown };

  // A chunk of their own, loaded while the resident finds the property.
  private readonly later = new LaterSteps(this, this.steps, async () => (await import('./finish.js')).finish(this.context));

  override connectedCallback(): void {
    useKnownProperty(this, this.flow, 'offer');
    super.connectedCallback();
    // Back from GOV.UK Pay (`?payment=<reference>&token=<token>`): say how the payment went.
    const back = new URLSearchParams(location.search);
    const reference = back.get('payment')?.toUpperCase() ?? '';
    const token = back.get('token') ?? '';
    if (!this.paymentLoad && /^[2-9A-HJKMNP-Z]{8}$/.test(reference) && /^[\w-]{43}$/.test(token)) this.loadPayment(reference, token);
  }

  // The property's garden waste offer, once the property is known (lookup, `uprn`, session or draft).
  override willUpdate(): void {
    const uprn = this.flow.answers.property?.uprn;
    if (uprn && uprn !== this.loadedFor && this.flow.step !== 'property' && !this.paymentLoad) void this.loadOffer(uprn);
  }

  private msg(key: string, params?: Record<string, string | number>): string {
    return this.t(this.later.words(gardenWasteStrings), key, params);
  }

  private async loadOffer(uprn: string): Promise<void> {
    if (!this.apiBase) return;
    this.loadedFor = uprn;
    this.loadError = undefined;
    this.offer = undefined;
    try {
      const offer = await this.http(this.apiBase).get(gardenOfferPath(uprn), {
        key: 'garden',
        query: { lang: this.locale },
        read: (json) => validate(readGardenOffer, json),
      });
      this.offer = offer;
      if (!this.flow.answers.property?.address) this.flow.set({ property: { uprn, address: offer.address } });
      // A renewal starts from the bins the resident has now (the same journey, answers filled in).
      const held = offer.subscription?.bins;
      if (!this.flow.answers.bins && held && offer.prices.some((p) => p.bins === held)) this.flow.set({ bins: String(held) });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') return;
      this.loadError = error instanceof ApiError ? error : new ApiError('invalid', String(error));
    }
  }

  /** Shows the payment (payment.ts, loaded now); `known`: as the receipt gave it. */
  private loadPayment(reference: string, token: string, known?: PaymentState): void {
    this.paymentLoad = { reference, token, known };
    this.requestUpdate();
    import('./payment.js').then(
      ({ gardenPayment }) => {
        const context = { host: this, client: () => this.http(this.apiBase), t: this.t.bind(this), contact: () => this.renderContactLink() };
        this.payment = gardenPayment(context, reference, token, known);
      },
      (failure: unknown) => {
        this.paymentLoad = { reference, token, known, failure };
        this.requestUpdate();
      },
    );
  }

  override render(): TemplateResult {
    if (this.paymentLoad) {
      if (this.payment) return this.payment.render();
      const { reference, token, known, failure } = this.paymentLoad;
      return failure ? this.renderProblem(failure, () => this.loadPayment(reference, token, known), this.renderContactLink()) : this.renderBusy(this.msg('loading'));
    }
    const { step } = this.flow;
    if (step !== 'property' && step !== 'done') {
      if (this.loadError) return this.renderProblem(this.loadError, () => void this.loadOffer(this.loadedFor), this.renderContactLink());
      if (!this.offer) return this.renderBusy(this.msg('loading'));
    }
    // A known property or a restored draft waits for the later pages' chunk.
    if (!this.steps.some((s) => s.id === step)) {
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
    'council-garden-waste': GardenWaste;
  }
  interface HTMLElementEventMap {
    'council-garden-subscribed': CustomEvent<GardenSubscribedDetail>;
  }
}
