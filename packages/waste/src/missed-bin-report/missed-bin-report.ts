import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ApiError } from '@council-kit/core';
import { backLink, confirmationPanel, radios } from '@council-kit/core/forms';
import { readReportableServices, validate, type ReportableService } from '@council-kit/contracts';
import { missedBinStrings } from './missed-bin-report.i18n.js';
import { WasteForm } from '../shared/waste-form.js';

interface MissedBinAnswers {
  serviceId: string;
  collectionDate: string;
  binOut: '' | 'yes' | 'no';
}

/** `detail` of `council-missed-bin-reported`. */
export interface MissedBinReportedDetail {
  reference: string;
  serviceId: string;
  duplicate: boolean;
}

/**
 * Report a missed bin collection, as GOV.UK question pages: the property, which collection
 * (only those still inside their report window), whether the bin was out in time, optional
 * contact details, check answers, confirmation with a reference. A second report of the same
 * collection is recognised and answered kindly.
 *
 * @summary Report a missed bin collection.
 * @slot - Fallback shown until the element upgrades: a link to the council's own form or phone number.
 * @fires council-missed-bin-reported - The report was accepted. `detail: { reference, serviceId, duplicate }`.
 * @csspart button - Every button.
 * @csspart panel - The confirmation panel.
 * @csspart summary-list - The check-answers list.
 * @csspart problem - The panel shown when the service fails.
 * @cssprop --council-success-colour - Confirmation panel background.
 */
export class MissedBinReport extends WasteForm<MissedBinAnswers> {
  static override properties: PropertyDeclarations = {
    binOutTime: { attribute: 'bin-out-time' },
    service: {},
    binDayUrl: { attribute: 'bin-day-url' },
    services: { state: true },
    loadError: { state: true },
  };
  protected readonly catalogue = missedBinStrings;
  protected readonly tag = 'missed-bin-report';
  protected readonly firstStep = 'service';

  /** The time bins must be out by on collection day, as residents are told it. */
  binOutTime = '7am';

  /** Preselect this service (e.g. from the bin-day page's `?service=` link). */
  service = '';

  /** The council's bin-day page, offered when nothing can be reported. */
  binDayUrl = '';

  private services?: ReportableService[];
  private loadError?: ApiError;

  constructor() {
    super({ serviceId: '', collectionDate: '', binOut: '' });
  }

  protected override onPropertyChosen(): void {
    void this.loadServices();
  }

  private async loadServices(): Promise<void> {
    const uprn = this.draft.property?.uprn;
    if (!uprn || !this.apiBase) return;
    this.loadError = undefined;
    this.services = undefined;
    try {
      // The report window comes from the API; the default date range is enough to find it.
      const result = await this.http(this.apiBase).get(`/waste/properties/${encodeURIComponent(uprn)}/collections`, {
        key: 'collections',
        query: { lang: this.locale },
        read: (json) => validate(readReportableServices, json),
      });
      this.services = result.services.filter((s) => s.reportMissed.open);
      if (!this.draft.property?.address) this.draft = { ...this.draft, property: { uprn, address: result.address } };
      const preselected = this.services.find((s) => s.id === (this.draft.answers.serviceId || this.service));
      if (preselected) this.setAnswers({ serviceId: preselected.id, collectionDate: this.missedDate(preselected) });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') return;
      this.loadError = error instanceof ApiError ? error : new ApiError('invalid', String(error));
    }
  }

  /**
   * The collection being reported: today's if the crew marked it not collected, else the last one.
   * "Today" is the API's (it sends `todayState` only for a collection due today), so a resident
   * whose device clock is wrong still reports the collection the council will accept.
   */
  private missedDate(service: ReportableService): string {
    return (service.todayState === 'not_collected' ? service.nextCollection : service.previousCollection) ?? '';
  }

  private serviceName(id: string): string {
    return this.services?.find((s) => s.id === id)?.name ?? id;
  }

  private send(): void {
    const { property, answers } = this.draft;
    void this.submit('/waste/missed-collections', {
      uprn: property!.uprn,
      serviceId: answers.serviceId,
      collectionDate: answers.collectionDate,
      binOutInTime: true,
      contact: this.contactPayload(),
    }).then(() => {
      if (this.receipt) {
        this.emit<MissedBinReportedDetail>('council-missed-bin-reported', { reference: this.receipt.reference, serviceId: answers.serviceId, duplicate: !!this.receipt.duplicate });
      }
    });
  }

  override render(): TemplateResult {
    const { step } = this.draft;
    if (step === 'property') return this.renderPropertyStep();
    if (step === 'done') return this.renderDone();
    if (this.loadError) return this.renderProblem(this.loadError, () => void this.loadServices(), this.renderContactLink());
    if (!this.services) return this.renderBusy(this.msg('loading'));
    if (this.services.length === 0) return this.renderNone();
    if (step === 'service') return this.renderService();
    if (step === 'binOut') return this.renderBinOut();
    if (step === 'late') return this.renderLate();
    if (step === 'contact') return this.renderContactStep();
    return this.renderCheck();
  }

  private renderService(): TemplateResult {
    return this.page(
      radios({
        id: 'service',
        legend: this.msg('serviceTitle'),
        legendIsHeading: true,
        hint: this.msg('serviceHint'),
        options: this.services!.map((s) => ({ value: s.id, label: s.name, hint: this.msg('collectionOn', { date: this.formatDate(this.missedDate(s), { year: false }) }) })),
        value: this.draft.answers.serviceId,
        error: this.errorFor('service-0'),
        errorPrefix: this.t('errorPrefix'),
        onChange: (serviceId) => this.setAnswers({ serviceId, collectionDate: this.missedDate(this.services!.find((s) => s.id === serviceId)!) }),
      }),
      () => this.check(this.draft.answers.serviceId ? [] : [{ field: 'service-0', message: 'errorService' }]) && this.go('binOut'),
    );
  }

  private renderBinOut(): TemplateResult {
    const time = this.binOutTime;
    return this.page(
      radios({
        id: 'bin-out',
        legend: this.msg('binOutTitle', { time, date: this.formatDate(this.draft.answers.collectionDate, { year: false }) }),
        legendIsHeading: true,
        hint: this.msg('binOutHint'),
        options: [
          { value: 'yes', label: this.msg('yes') },
          { value: 'no', label: this.msg('no') },
        ],
        value: this.draft.answers.binOut,
        error: this.errorFor('bin-out-0'),
        errorPrefix: this.t('errorPrefix'),
        onChange: (binOut) => this.setAnswers({ binOut: binOut as 'yes' | 'no' }),
      }),
      () => {
        if (!this.check(this.draft.answers.binOut ? [] : [{ field: 'bin-out-0', message: 'errorBinOut' }], { time })) return;
        this.go(this.draft.answers.binOut === 'yes' ? 'contact' : 'late');
      },
    );
  }

  private renderLate(): TemplateResult {
    return html`${backLink(this.msg('back'), () => this.back())}
      ${this.heading(this.msg('lateTitle'))}
      <p>${this.msg('lateBody', { time: this.binOutTime })}</p>
      ${this.renderBinDayLink()}`;
  }

  private renderNone(): TemplateResult {
    return html`${this.heading(this.msg('noneTitle'))}
      <p>${this.msg('noneBody')}</p>
      ${this.renderBinDayLink()} ${this.renderContactLink()}`;
  }

  private renderBinDayLink(): TemplateResult | typeof nothing {
    return this.binDayUrl ? html`<p><a href=${this.binDayUrl}>${this.msg('binDayLink')}</a></p>` : nothing;
  }

  private renderCheck(): TemplateResult {
    const { answers } = this.draft;
    return this.renderCheckAnswers([
      { key: this.msg('serviceKey'), value: `${this.serviceName(answers.serviceId)}, ${this.formatDate(answers.collectionDate, { year: false })}`, onChange: () => this.go('service') },
      { key: this.msg('binOutKey', { time: this.binOutTime }), value: this.msg('yes'), onChange: () => this.go('binOut') },
    ], () => this.send());
  }

  private renderDone(): TemplateResult {
    const receipt = this.receipt;
    if (!receipt) return this.renderPropertyStep();
    return html`${confirmationPanel(
        this.msg(receipt.duplicate ? 'duplicateTitle' : 'doneTitle'),
        html`${this.msg('referenceIs')}<br /><strong>${receipt.reference}</strong>`,
      )}
      <p>${this.msg(receipt.duplicate ? 'duplicateNext' : 'doneNext')}</p>
      ${this.renderBinDayLink()}`;
  }
}

// Declared with the class, so importing the class or the package gives typed
// `document.querySelector(…)` and `addEventListener(…)`, with or without the define file.
declare global {
  interface HTMLElementTagNameMap {
    'council-missed-bin-report': MissedBinReport;
  }
  interface HTMLElementEventMap {
    'council-missed-bin-reported': CustomEvent<MissedBinReportedDetail>;
  }
}
