import { html, nothing, type TemplateResult } from 'lit';
import { announce, isApiError, localeOf, QuestionFlow, type Catalogue, type FlowHost, type HttpClient, type Step } from '@council-kit/core';
import { busy, checkAnswers, confirmationPanel, fieldError, problemPanel, stepHeading, summaryList } from '@council-kit/core/forms';
import { readBulkyBooking, readBulkyDates, validate, type BulkyBooking } from '@council-kit/contracts';
import { bulkyBookingPath, bulkyDatesPath, dateFullType } from './endpoints.js';
import { manageStrings } from './manage.i18n.js';

/*
 * `<council-bulky-waste>` opened from a booking's manage link (`#reference=…&token=…`): the
 * booking, then moving it to another date (dates with room for its items) or cancelling it,
 * before the cut-off; after it, or once cancelled, what the resident can do instead. A
 * QuestionFlow of its own (no draft: nothing typed is worth keeping), loaded on demand, so the
 * booking pages download none of this.
 */

/** What the manage pages need of the element. */
export interface ManageContext {
  readonly host: FlowHost;
  /** The element's http client for its `api-base`. */
  client(): HttpClient;
  /** Translates with the element's language and the council's overrides. */
  t(catalogue: Catalogue, key: string, params?: Record<string, string | number>): string;
  /** A date with its weekday and year. */
  date(iso: string): string;
  contactLink(): TemplateResult | typeof nothing;
  /** Fires `council-bulky-changed`. */
  changed(detail: { reference: string; action: 'moved' | 'cancelled' }): void;
}

interface ManageAnswers {
  collectionDate: string;
}

/** The booking's pages, held by the element while it shows them. */
export class BulkyManage {
  private booking?: BulkyBooking;
  private failure?: unknown;
  private dates?: string[];
  private datesFailure?: unknown;
  private readonly flow: QuestionFlow<ManageAnswers, BulkyBooking>;

  constructor(
    private readonly ctx: ManageContext,
    private readonly reference: string,
    private readonly token: string,
  ) {
    this.flow = new QuestionFlow<ManageAnswers, BulkyBooking>(ctx.host, {
      steps: this.steps(),
      answers: { collectionDate: '' },
      t: (key, params) => ctx.t(manageStrings, key, params),
      send: (a) => this.send(a),
      sent: (booking) => {
        const action = booking.status === 'cancelled' ? 'cancelled' : 'moved';
        announce(this.flow.t(`${action}Title`));
        ctx.changed({ reference: booking.reference, action });
      },
      help: () => ctx.contactLink(),
    });
    void this.load();
  }

  private get options() {
    return { query: { lang: localeOf(this.ctx.host) }, headers: { Authorization: `Bearer ${this.token}` } };
  }

  /** Reads the booking with its manage token. */
  async load(): Promise<void> {
    this.failure = undefined;
    this.booking = undefined;
    this.ctx.host.requestUpdate();
    try {
      this.booking = await this.ctx.client().get(bulkyBookingPath(this.reference), { ...this.options, read: (json) => validate(readBulkyBooking, json) });
    } catch (error) {
      this.failure = error;
    }
    this.ctx.host.requestUpdate();
  }

  private loadDates(): void {
    const booking = this.booking!;
    this.dates = undefined;
    this.datesFailure = undefined;
    const items = booking.items.map((item) => `${item.id}:${item.quantity}`).join(',');
    this.ctx
      .client()
      .get(bulkyDatesPath(booking.uprn), { query: { items }, read: (json) => validate(readBulkyDates, json) })
      .then(
        (result) => (this.dates = result.dates.filter((date) => date !== booking.collectionDate)),
        (error: unknown) => (this.datesFailure = error),
      )
      .finally(() => this.ctx.host.requestUpdate());
  }

  private async send(a: ManageAnswers): Promise<BulkyBooking | undefined> {
    const client = this.ctx.client();
    const path = bulkyBookingPath(this.reference);
    const read = (json: unknown) => validate(readBulkyBooking, json);
    try {
      return this.flow.step === 'check' ? await client.patch(path, { collectionDate: a.collectionDate }, { ...this.options, read }) : await client.delete(path, { ...this.options, read }, {});
    } catch (error) {
      if (!isApiError(error) || error.problemType !== dateFullType) throw error;
      // Filled meanwhile: choose again from the dates free now.
      this.flow.set({ collectionDate: '' });
      this.loadDates();
      this.flow.back();
      this.flow.check([{ field: 'date-0', message: 'dateFull' }]);
      return undefined;
    }
  }

  private steps(): Step<ManageAnswers, BulkyBooking>[] {
    return [
      {
        id: 'view',
        page: true,
        render: (f) => {
          const b = this.booking!;
          const rows = [
            { key: f.t('referenceKey'), value: b.reference },
            { key: f.t('addressKey'), value: b.address },
            { key: f.t('itemsKey'), value: b.items.map((item) => `${item.quantity} × ${item.label}`).join(', ') },
            { key: f.t('dateKey'), value: this.ctx.date(b.collectionDate) },
          ];
          const actions = b.changeable
            ? html`<p>${f.t('changeUntil', { when: this.until(b) })}</p>
                <div class="button-group">
                  <button type="button" class="button" part="button" @click=${() => (this.loadDates(), f.go('date'))}>${f.t('changeDate')}</button>
                  <button type="button" class="button warning" part="button" @click=${() => f.go('cancel')}>${f.t('cancelBooking')}</button>
                </div>`
            : html`<p>${f.t(b.status === 'booked' ? 'closedBody' : 'notBookedBody')}</p>${this.ctx.contactLink()}`;
          return html`${stepHeading(f.t('bookingTitle'))}${summaryList(rows, f.t('change'))}${actions}`;
        },
      },
      {
        id: 'date',
        render: (f) => {
          if (this.datesFailure) return html`${stepHeading(f.t('dateTitle'))}<p>${f.t('datesFailed')}</p>`;
          if (!this.dates) return html`${stepHeading(f.t('dateTitle'))}<p role="status">${f.t('loading')}</p>`;
          if (!this.dates.length) return html`${stepHeading(f.t('noDatesTitle'))}<p>${f.t('noDatesBody')}</p>`;
          const error = f.errorFor('date-0');
          return html`<div class="form-group ${error ? 'error' : ''}">
            <fieldset>
              <legend class="heading-m"><span role="heading" aria-level="2" tabindex="-1" data-step-heading>${f.t('dateTitle')}</span></legend>
              ${fieldError('date-0-error', error, f.t('errorPrefix'))}
              <div class="radios">
                ${this.dates.map(
                  (day, i) =>
                    html`<div class="radio"><input type="radio" id=${`date-${i}`} name="date" .value=${day} .checked=${day === f.answers.collectionDate} @change=${() => f.set({ collectionDate: day })} /><label for=${`date-${i}`}>${this.ctx.date(day)}</label></div>`,
                )}
              </div>
            </fieldset>
          </div>`;
        },
        check: (a) => (this.dates?.includes(a.collectionDate) ? [] : [{ field: 'date-0', message: 'errorDate' }]),
        next: 'check',
      },
      {
        id: 'check',
        page: true,
        render: (f) =>
          checkAnswers(f, [
            { key: f.t('fromKey'), value: this.ctx.date(this.booking!.collectionDate) },
            { key: f.t('toKey'), value: f.answers.collectionDate ? this.ctx.date(f.answers.collectionDate) : '', onChange: () => f.go('date') },
          ]),
      },
      {
        id: 'cancel',
        page: true,
        render: (f) => html`${stepHeading(f.t('cancelTitle'))}<p>${f.t('cancelBody', { date: this.ctx.date(this.booking!.collectionDate) })}</p>${this.cancelAction(f)}`,
      },
      {
        id: 'done',
        page: true,
        render: (f) => {
          const b = f.receipt!;
          return b.status === 'cancelled'
            ? html`${confirmationPanel(f.t('cancelledTitle'), b.reference)}<p>${f.t('cancelledNext')}</p>`
            : html`${confirmationPanel(f.t('movedTitle'), html`${f.t('newDate')}<br /><strong>${this.ctx.date(b.collectionDate)}</strong>`)}<p>${f.t('movedNext')}</p>`;
        },
      },
    ];
  }

  /**
   * The cancel page's one action, as check answers' Send (busy while sending, the problem panel
   * with Try again, or a refusal in the element's words) but a warning button: no second heading.
   */
  private cancelAction(f: QuestionFlow<ManageAnswers, BulkyBooking>): unknown {
    const send = () => void f.submit();
    if (f.sending) return busy(f.t('sending'));
    const refusedKey = `refused-${isApiError(f.failure) ? f.failure.problemType?.split('/').pop() : ''}`;
    const refusal = f.t(refusedKey);
    if (refusal !== refusedKey) return html`<p class="error-message refused" tabindex="-1" role="alert">${refusal}</p>${this.ctx.contactLink()}`;
    return html`${f.failure ? problemPanel(f.t, f.failure, send, this.ctx.contactLink()) : nothing}<button type="button" class="button warning" part="button" @click=${send}>${f.t('cancelConfirm')}</button>`;
  }

  private until(b: BulkyBooking): string {
    const instant = new Date(b.changeUntil);
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(instant);
    return `${time}, ${this.ctx.date(day)}`;
  }

  /** The booking, its change pages, or why it cannot be shown. */
  render(): TemplateResult {
    const t = (key: string) => this.ctx.t(manageStrings, key);
    if (this.failure) {
      if (isApiError(this.failure) && (this.failure.status === 404 || this.failure.status === 403 || this.failure.status === 401)) {
        return html`${stepHeading(t('notFoundTitle'))}<p>${t(this.failure.status === 403 ? 'expiredBody' : 'notFoundBody')}</p>${this.ctx.contactLink()}`;
      }
      return html`${stepHeading(t('bookingTitle'))}${this.renderProblem()}`;
    }
    if (!this.booking) return html`<p role="status">${t('loading')}</p>`;
    return this.flow.render();
  }

  private renderProblem(): TemplateResult {
    const t = (key: string) => this.ctx.t(manageStrings, key);
    return html`<div class="problem" part="problem" role="alert"><h2 tabindex="-1">${t('problemTitle')}</h2><p>${t('loadFailed')}</p><button type="button" class="button secondary" part="button" @click=${() => void this.load()}>${t('tryAgain')}</button>${this.ctx.contactLink()}</div>`;
  }
}
