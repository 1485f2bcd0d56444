import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { CouncilElement, QuestionFlow, type Locale } from '@council-kit/core';
import { confirmationPanel, formStyles, radios } from '@council-kit/core/forms';
import type { SubmissionReceipt } from '@council-kit/contracts';
import type { AddressSource } from '@council-kit/address-lookup';
import { containerRequestStrings } from './container-request.i18n.js';
import { contactPayload } from '../shared/contact.js';
import { containerRequestsPath } from '../shared/endpoints.js';
import { announceReference, contactLink, contactStep, propertyStep, readReceipt, useKnownProperty, wasteRows, type WasteAnswers } from '../shared/waste-steps.js';

/** Why a resident needs a container. */
export const containerReasons = ['new-property', 'lost', 'stolen', 'damaged', 'additional'] as const;
export type ContainerReason = (typeof containerReasons)[number];

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

interface ContainerAnswers extends WasteAnswers {
  containerId: string;
  reason: '' | ContainerReason;
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
 * @fires council-step-change - The resident moved to another page of the form (hide the page's intro when `first` is false). `detail: { step, first }`.
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
  static override styles = [...CouncilElement.styles, formStyles];
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

  private flow = new QuestionFlow<ContainerAnswers, SubmissionReceipt>(this, {
    steps: [
      propertyStep(this, 'container'),
      {
        id: 'container',
        render: (f) =>
          radios({
            id: 'container',
            legend: f.t('containerTitle'),
            legendIsHeading: true,
            options: this.containers.map((c) => ({ value: c.id, label: this.text(c.name) })),
            value: f.answers.containerId,
            error: f.errorFor('container-0'),
            errorPrefix: f.t('errorPrefix'),
            onChange: (containerId) => f.set({ containerId, reason: '' }),
          }),
        check: () => (this.chosen ? [] : [{ field: 'container-0', message: 'errorContainer' }]),
      },
      {
        id: 'reason',
        render: (f) =>
          radios({
            id: 'reason',
            legend: f.t('reasonTitle'),
            legendIsHeading: true,
            options: (this.chosen?.reasons ?? containerReasons).map((r) => ({ value: r, label: f.t(`reason-${r}`) })),
            value: f.answers.reason,
            error: f.errorFor('reason-0'),
            errorPrefix: f.t('errorPrefix'),
            onChange: (reason) => f.set({ reason: reason as ContainerReason }),
          }),
        check: (a) => (a.reason ? [] : [{ field: 'reason-0', message: 'errorReason' }]),
      },
      contactStep(),
      {
        id: 'check',
        page: true,
        render: (f) => {
          const { reason } = f.answers;
          const charge = this.charge;
          return f.checkAnswers(
            [
              { key: f.t('containerKey'), value: this.text(this.chosen?.name), onChange: () => f.go('container') },
              { key: f.t('reasonKey'), value: reason ? f.t(`reason-${reason}`) : '', onChange: () => f.go('reason') },
              ...wasteRows(this, f),
            ],
            charge
              ? html`<div class="warning"><span class="warning-icon" aria-hidden="true">!</span>
                  <p><span class="visually-hidden">${f.t('chargeTitle')}: </span>${charge}<br /><span class="hint">${f.t('chargeHint')}</span></p></div>`
              : nothing,
          );
        },
      },
      { id: 'done', page: true, render: (f) => this.renderDone(f.receipt!) },
    ],
    answers: { contact: { email: '', phone: '' }, containerId: '', reason: '' },
    draft: 'container-request',
    t: (key, params) => this.t(containerRequestStrings, key, params),
    send: (a, idempotencyKey) =>
      this.http(this.apiBase).post(
        containerRequestsPath,
        { uprn: a.property!.uprn, containerId: a.containerId, reason: a.reason, contact: contactPayload(a.contact) },
        { idempotencyKey, read: readReceipt },
      ),
    sent: (receipt, a) => {
      announceReference(this.flow.t, receipt);
      this.emit<ContainerRequestedDetail>('council-container-requested', {
        reference: receipt.reference,
        containerId: a.containerId,
        reason: a.reason as ContainerReason,
        payment: !!receipt.paymentUrl,
      });
    },
    help: () => this.renderContactLink(),
  });

  override connectedCallback(): void {
    useKnownProperty(this, this.flow, 'container');
    super.connectedCallback();
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
    return this.flow.render();
  }

  private renderContactLink(): TemplateResult | typeof nothing {
    return contactLink(this.contactUrl, (key) => this.t(containerRequestStrings, key));
  }

  private renderDone(receipt: SubmissionReceipt): TemplateResult {
    const t = this.flow.t;
    // Only hand off to a web page we can trust the scheme of.
    const payment = receipt.paymentUrl && /^(https:|\/)/.test(receipt.paymentUrl) ? receipt.paymentUrl : undefined;
    const reference = html`${t('referenceIs')}<br /><strong>${receipt.reference}</strong>`;
    const next = payment ? html`<p>${t('payNext')}</p><a class="button" part="button" href=${payment}>${t('pay')}</a>` : html`<p>${t('doneNext')}</p>`;
    return html`${confirmationPanel(t('doneTitle'), reference)}${next}`;
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
