import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { type Locale } from '@council-kit/core';
import { confirmationPanel, radios } from '@council-kit/core/forms';
import { containerRequestStrings } from './container-request.i18n.js';
import { WasteForm } from '../shared/waste-form.js';

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

interface ContainerAnswers {
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
 * @csspart button - Every button.
 * @csspart panel - The confirmation panel.
 * @csspart summary-list - The check-answers list.
 * @csspart problem - The panel shown when the service fails.
 */
export class ContainerRequest extends WasteForm<ContainerAnswers> {
  static override properties: PropertyDeclarations = {
    containers: { attribute: false },
  };
  protected readonly catalogue = containerRequestStrings;
  protected readonly tag = 'container-request';
  protected readonly firstStep = 'container';

  /** The containers residents can request, with any charges. */
  containers: ContainerOption[] = defaultContainers;

  constructor() {
    super({ containerId: '', reason: '' });
  }

  private text(value: string | Partial<Record<Locale, string>> | undefined): string {
    if (value === undefined || typeof value === 'string') return value ?? '';
    return value[this.locale] ?? value.en ?? '';
  }

  private get chosen(): ContainerOption | undefined {
    return this.containers.find((c) => c.id === this.draft.answers.containerId);
  }

  private get charge(): string {
    const container = this.chosen;
    const reason = this.draft.answers.reason;
    if (!container?.charge || !reason) return '';
    const applies = container.chargeFor ?? containerReasons.filter((r) => r !== 'new-property');
    return applies.includes(reason) ? this.text(container.charge) : '';
  }

  private send(): void {
    const { property, answers } = this.draft;
    void this.submit('/waste/container-requests', {
      uprn: property!.uprn,
      containerId: answers.containerId,
      reason: answers.reason,
      contact: this.contactPayload(),
    }).then(() => {
      if (!this.receipt) return;
      this.emit<ContainerRequestedDetail>('council-container-requested', {
        reference: this.receipt.reference,
        containerId: answers.containerId,
        reason: answers.reason as ContainerReason,
        payment: !!this.receipt.paymentUrl,
      });
    });
  }

  override render(): TemplateResult {
    switch (this.draft.step) {
      case 'property':
        return this.renderPropertyStep();
      case 'container':
        return this.renderContainer();
      case 'reason':
        return this.renderReason();
      case 'contact':
        return this.renderContactStep();
      case 'done':
        return this.renderDone();
      default:
        return this.renderCheck();
    }
  }

  private renderContainer(): TemplateResult {
    return this.page(
      radios({
        id: 'container',
        legend: this.msg('containerTitle'),
        legendIsHeading: true,
        options: this.containers.map((c) => ({ value: c.id, label: this.text(c.name) })),
        value: this.draft.answers.containerId,
        error: this.errorFor('container-0'),
        errorPrefix: this.t('errorPrefix'),
        onChange: (containerId) => this.setAnswers({ containerId, reason: '' }),
      }),
      () => this.check(this.chosen ? [] : [{ field: 'container-0', message: 'errorContainer' }]) && this.go('reason'),
    );
  }

  private renderReason(): TemplateResult {
    const reasons = this.chosen?.reasons ?? containerReasons;
    return this.page(
      radios({
        id: 'reason',
        legend: this.msg('reasonTitle'),
        legendIsHeading: true,
        options: reasons.map((r) => ({ value: r, label: this.msg(`reason-${r}`) })),
        value: this.draft.answers.reason,
        error: this.errorFor('reason-0'),
        errorPrefix: this.t('errorPrefix'),
        onChange: (reason) => this.setAnswers({ reason: reason as ContainerReason }),
      }),
      () => this.check(this.draft.answers.reason ? [] : [{ field: 'reason-0', message: 'errorReason' }]) && this.go('contact'),
    );
  }

  private renderCheck(): TemplateResult {
    const { answers } = this.draft;
    const charge = this.charge;
    return this.renderCheckAnswers(
      [
        { key: this.msg('containerKey'), value: this.text(this.chosen?.name), onChange: () => this.go('container') },
        { key: this.msg('reasonKey'), value: answers.reason ? this.msg(`reason-${answers.reason}`) : '', onChange: () => this.go('reason') },
      ],
      () => this.send(),
      charge
        ? html`<div class="warning"><span class="warning-icon" aria-hidden="true">!</span>
            <p><span class="visually-hidden">${this.msg('chargeTitle')}: </span>${charge}<br /><span class="hint">${this.msg('chargeHint')}</span></p></div>`
        : nothing,
    );
  }

  private renderDone(): TemplateResult {
    const receipt = this.receipt;
    if (!receipt) return this.renderPropertyStep();
    // Only hand off to a web page we can trust the scheme of.
    const payment = receipt.paymentUrl && /^(https:|\/)/.test(receipt.paymentUrl) ? receipt.paymentUrl : undefined;
    return html`${confirmationPanel(this.msg('doneTitle'), html`${this.msg('referenceIs')}<br /><strong>${receipt.reference}</strong>`)}
      ${payment
        ? html`<p>${this.msg('payNext')}</p><a class="button" part="button" href=${payment}>${this.msg('pay')}</a>`
        : html`<p>${this.msg('doneNext')}</p>`}`;
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
