import { type TemplateResult, type PropertyDeclarations, type nothing } from 'lit';
import { CouncilElement, QuestionFlow, type Locale, type Step } from '@council-kit/core';
import type { PaymentState, SubmissionReceipt } from '@council-kit/contracts';
import type { AddressSource } from '@council-kit/address-lookup';
import { containerRequestStrings } from './container-request.i18n.js';
import { styles } from './container-request.styles.js';
import { containerReasons, type ContainerAnswers, type ContainerReason } from './container-answers.js';
import type { FinishContext } from './finish.js';
import type { PaymentReturn } from '../shared/payment-return.js';
import { announceReference, contactLink, LaterSteps, propertyStep, useKnownProperty } from '../shared/waste-steps.js';

export { containerReasons, type ContainerReason } from './container-answers.js';

/** One container a resident can ask for, as the council configures it. */
export interface ContainerOption {
  id: string;
  /** The name in each language (or one name for both). */
  name: string | Partial<Record<Locale, string>>;
  /** The reasons this container can be requested for (default: all). */
  reasons?: ContainerReason[];
  /** What the council charges, in words ("£25, including delivery"), by language. */
  charge?: string | Partial<Record<Locale, string>>;
  /** The reasons the charge applies to (default: all but `new-property`). */
  chargeFor?: ContainerReason[];
}

/** `detail` of `council-container-requested`. */
export interface ContainerRequestedDetail {
  reference: string;
  containerId: string;
  reason: ContainerReason;
  /** True when the API handed off to a payment page. */
  payment: boolean;
}

const defaultContainers: ContainerOption[] = [
  { id: 'refuse', name: { en: 'Rubbish bin (black)', cy: 'Bin sbwriel (du)' } },
  { id: 'recycling', name: { en: 'Recycling bin (green with a blue lid)', cy: 'Bin ailgylchu (gwyrdd gyda chaead glas)' } },
  { id: 'food', name: { en: 'Food waste caddy', cy: 'Cadi gwastraff bwyd' } },
  { id: 'garden', name: { en: 'Garden waste bin (brown)', cy: 'Bin gwastraff gardd (brown)' }, reasons: ['lost', 'stolen', 'damaged'] },
];

/**
 * Request a new, replacement or additional bin, as GOV.UK question pages, with the council's
 * charge explained before sending. It never takes payment: when the API returns a payment
 * URL, the resident is handed off to it.
 *
 * @summary Request a new, replacement or additional container.
 * @slot - Fallback shown until the element upgrades: a link to the council's own form.
 * @fires council-container-requested - The request was accepted. `detail: { reference, containerId, reason, payment }`.
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
 */
export class ContainerRequest extends CouncilElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    uprn: {},
    noRemember: { type: Boolean, attribute: 'no-remember' },
    addressSource: { attribute: false },
    httpOptions: { attribute: false },
    contactUrl: { attribute: 'contact-url' },
    containers: { attribute: false },
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

  /** The containers residents can request, with any charges. */
  containers: ContainerOption[] = defaultContainers;

  /**
   * The first page (the property); the questions and the later pages (finish.ts) join it when
   * they load. Until then a known property shows the busy state (see render()).
   */
  private readonly steps: Step<ContainerAnswers, SubmissionReceipt>[] = [propertyStep(this, 'container')];

  private readonly flow = new QuestionFlow<ContainerAnswers, SubmissionReceipt>(this, {
    steps: this.steps,
    answers: { contact: { email: '', phone: '' }, containerId: '', reason: '' },
    draft: 'container-request',
    t: (key, params) => this.t(this.later.words(containerRequestStrings), key, params),
    send: (a, idempotencyKey) => this.later.pages!.send(a, idempotencyKey),
    sent: (receipt, a) => {
      announceReference(this.flow.t, receipt);
      // GOV.UK Pay could not start the payment: say so, with "Try paying again" (shared/payment-return.ts).
      const { payment } = receipt;
      if (payment && payment.status !== 'created' && payment.status !== 'paid') this.loadPayment(receipt.reference, payment.token, { reference: receipt.reference, ...payment });
      this.emit<ContainerRequestedDetail>('council-container-requested', {
        reference: receipt.reference,
        containerId: a.containerId,
        reason: a.reason as ContainerReason,
        payment: !!receipt.paymentUrl,
      });
    },
    help: () => this.renderContactLink(),
  });

  /** What the later pages (finish.ts) see of the element. */
  private readonly context: FinishContext = {
    host: this,
    containers: () => this.containers.map((c) => ({ value: c.id, label: this.text(c.name) })),
    reasons: () => this.chosen?.reasons ?? containerReasons,
    containerName: () => this.text(this.chosen?.name),
    charge: () => this.charge,
    client: () => this.http(this.apiBase),
  };

  /** On GOV.UK Pay's return page: the payment the resident came back with (shared/payment-return.ts). */
  private payment?: PaymentReturn;
  private paymentLoad?: { reference: string; token: string; known?: PaymentState; failure?: unknown };

  // A chunk of their own, loaded while the resident finds the property.
  private readonly later = new LaterSteps(this, this.steps, async () => (await import('./finish.js')).finish(this.context));

  override connectedCallback(): void {
    useKnownProperty(this, this.flow, 'container');
    super.connectedCallback();
    // Back from GOV.UK Pay (`?payment=<reference>&token=<token>`): say how the payment went.
    const back = new URLSearchParams(location.search);
    const reference = back.get('payment')?.toUpperCase() ?? '';
    const token = back.get('token') ?? '';
    if (!this.paymentLoad && /^[2-9A-HJKMNP-Z]{8}$/.test(reference) && /^[\w-]{43}$/.test(token)) this.loadPayment(reference, token);
  }

  /** Shows the payment (payment.ts, loaded now); `known`: as the receipt gave it. */
  private loadPayment(reference: string, token: string, known?: PaymentState): void {
    this.paymentLoad = { reference, token, known };
    this.requestUpdate();
    import('./payment.js').then(
      ({ containerPayment }) => {
        const context = { host: this, client: () => this.http(this.apiBase), t: this.t.bind(this), contact: () => this.renderContactLink() };
        this.payment = containerPayment(context, reference, token, known);
      },
      (failure: unknown) => {
        this.paymentLoad = { reference, token, known, failure };
        this.requestUpdate();
      },
    );
  }

  private text(value: string | Partial<Record<Locale, string>> | undefined): string {
    if (value === undefined || typeof value === 'string') return value ?? '';
    return value[this.locale] ?? value.en ?? '';
  }

  private get chosen(): ContainerOption | undefined {
    return this.containers.find((c) => c.id === this.flow.answers.containerId);
  }

  private get charge(): string {
    const container = this.chosen;
    const reason = this.flow.answers.reason;
    if (!container?.charge || !reason) return '';
    const applies = container.chargeFor ?? containerReasons.filter((r) => r !== 'new-property');
    return applies.includes(reason) ? this.text(container.charge) : '';
  }

  override render(): TemplateResult {
    if (this.paymentLoad) {
      if (this.payment) return this.payment.render();
      const { reference, token, known, failure } = this.paymentLoad;
      return failure ? this.renderProblem(failure, () => this.loadPayment(reference, token, known), this.renderContactLink()) : this.renderBusy(this.flow.t('loading'));
    }
    // A known property or a restored draft waits for the questions' chunk.
    if (!this.steps.some((s) => s.id === this.flow.step)) {
      const { failure } = this.later;
      return failure ? this.renderProblem(failure, () => void this.later.load(), this.renderContactLink()) : this.renderBusy(this.flow.t('loading'));
    }
    return this.flow.render();
  }

  private renderContactLink(): TemplateResult | typeof nothing {
    return contactLink(this.contactUrl, this.flow.t);
  }
}

// Declared with the class, so importing the class or the package gives typed
// `document.querySelector(…)` and `addEventListener(…)`, with or without the define file.
declare global {
  interface HTMLElementTagNameMap {
    'council-container-request': ContainerRequest;
  }
  interface HTMLElementEventMap {
    'council-container-requested': CustomEvent<ContainerRequestedDetail>;
  }
}
