import { html, nothing, type TemplateResult } from 'lit';
import { isApiError, localeOf, type HttpClient, type QuestionFlow } from '@council-kit/core';
import { checkAnswers, confirmationPanel, fieldError, problemPanel, radios, stepHeading, textField } from '@council-kit/core/forms';
import { bulkyLocations, readBulkyBookingReceipt, readBulkyCatalogue, readBulkyDates, validate, type BulkyBookingReceipt, type BulkyCatalogue, type SubmissionReceipt } from '@council-kit/contracts';
import { contactPayload } from '../shared/contact.js';
import { contactStep, wasteRows } from '../shared/later-steps.js';
import type { LaterPages, WasteFormHost } from '../shared/waste-steps.js';
import type { BulkyAnswers } from './bulky-answers.js';
import { bulkyBookingsPath, bulkyCataloguePath, bulkyDatesPath, dateFullType, itemRefusedType, notServedType } from './endpoints.js';
import { finishStrings } from './finish.i18n.js';

/*
 * `<council-bulky-waste>`'s pages after the property, as QuestionFlow step definitions: the
 * items (GOV.UK checkboxes, each revealing "How many?"), where they will be left, the date
 * (radios grouped by week, from the dates with room for these items), contact details, check
 * answers with the price, and the confirmation. The element loads this module, with the
 * council's catalogue, while the resident finds the property; the steps see the element only
 * through a `FinishContext`.
 */

type Flow = QuestionFlow<BulkyAnswers, SubmissionReceipt>;

/** What the later pages need of the element. */
export interface FinishContext {
  readonly host: WasteFormHost;
  /** The element's journey. */
  flow(): Flow;
  /** The council API, with the page's and the element's http settings. */
  client(): HttpClient;
  /** A date as the element shows it, without the year ("Tuesday 8 December"; `weekday: false` for "8 December"). */
  date(iso: string, weekday?: boolean): string;
  /** The page the confirmation's "change or cancel" link opens. */
  manageUrl(): string;
  /** The link to the council's contact page, when it has one. */
  contactLink(): TemplateResult | typeof nothing;
}

/** "£20.00". */
export const pounds = (pence: number): string => `£${(pence / 100).toFixed(2)}`;

/** The ticked items with whole quantities, as the API takes them. */
export function chosenLines(a: Pick<BulkyAnswers, 'items'>): { id: string; quantity: number }[] {
  return Object.entries(a.items).map(([id, quantity]) => ({ id, quantity: Number(quantity.trim()) }));
}

/** The dates for the chosen items at the property, loaded when the date page shows (again when the items change). */
class Dates {
  key = '';
  dates?: string[];
  failure?: unknown;

  constructor(private readonly ctx: FinishContext) {}

  load(a: BulkyAnswers, force = false): void {
    const items = chosenLines(a).map((line) => `${line.id}:${line.quantity}`).join(',');
    const key = `${a.property?.uprn}|${items}`;
    if (key === this.key && !force) return;
    this.key = key;
    this.dates = undefined;
    this.failure = undefined;
    this.ctx
      .client()
      .get(bulkyDatesPath(a.property!.uprn), { query: { items, lang: localeOf(this.ctx.host) }, read: (json) => validate(readBulkyDates, json) })
      .then(
        (result) => {
          if (key === this.key) this.dates = result.dates;
        },
        (error: unknown) => {
          if (key === this.key && !(isApiError(error) && error.kind === 'aborted')) this.failure = error;
        },
      )
      .finally(() => this.ctx.host.requestUpdate());
  }
}

/** Monday of the week `iso` is in. */
function mondayOf(iso: string): string {
  const day = new Date(`${iso}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The later pages, their messages and the send, once the council's catalogue has loaded. */
export async function finish(ctx: FinishContext): Promise<LaterPages<BulkyAnswers>> {
  const catalogue: BulkyCatalogue = await ctx.client().get(bulkyCataloguePath, { key: 'bulky-catalogue', read: (json) => validate(readBulkyCatalogue, json) });
  const lang = () => localeOf(ctx.host);
  const item = (id: string) => catalogue.items.find((candidate) => candidate.id === id);
  const lines = (a: BulkyAnswers) => chosenLines(a).filter((line) => item(line.id));
  const total = (a: BulkyAnswers) => lines(a).reduce((sum, line) => sum + item(line.id)!.price * (Number.isInteger(line.quantity) ? line.quantity : 0), 0);
  const dates = new Dates(ctx);

  const itemsStep = {
    id: 'items',
    render: (f: Flow) => {
      const errorPrefix = f.t('errorPrefix');
      const error = f.errorFor('item-0');
      const setItems = (items: Record<string, string>) => f.set({ items, collectionDate: '' });
      const boxes = catalogue.items.map((option, i) => {
        const id = `item-${i}`;
        const quantity = f.answers.items[option.id];
        const checked = quantity !== undefined;
        const toggle = (event: Event) => {
          const items = { ...f.answers.items };
          if ((event.target as HTMLInputElement).checked) items[option.id] = '1';
          else delete items[option.id];
          setItems(items);
        };
        const reveal = checked
          ? html`<div class="conditional" id=${`${id}-conditional`}>
              ${textField({ id: `${id}-quantity`, label: f.t('howMany', { item: option.label[lang()] }), inputmode: 'numeric', width: 'width-2', value: quantity, error: f.errorFor(`${id}-quantity`), errorPrefix, onInput: (value) => setItems({ ...f.answers.items, [option.id]: value }) })}
            </div>`
          : nothing;
        return html`<div class="radio">
            <input type="checkbox" id=${id} name="items" .value=${option.id} .checked=${checked} aria-describedby=${`${id}-hint`} aria-controls=${checked ? `${id}-conditional` : nothing} @change=${toggle} />
            <label for=${id}>${option.label[lang()]}</label>
            <p class="hint" id=${`${id}-hint`}>${f.t('eachCosts', { price: pounds(option.price) })}</p>
          </div>
          ${reveal}`;
      });
      const refused = catalogue.refused.length
        ? html`<h3 class="heading-s">${f.t('refusedTitle')}</h3>
            <ul class="list">${catalogue.refused.map((r) => html`<li><strong>${r.label[lang()]}</strong>: ${r.instead[lang()]}</li>`)}</ul>`
        : nothing;
      return html`<div class="form-group ${error ? 'error' : ''}">
          <fieldset aria-describedby="items-hint">
            <legend class="heading-m"><span role="heading" aria-level="2" tabindex="-1" data-step-heading>${f.t('itemsTitle')}</span></legend>
            <p class="hint" id="items-hint">${f.t('itemsHint', { max: catalogue.maxItems })}</p>
            ${fieldError('item-0-error', error, errorPrefix)}
            <div class="radios">${boxes}</div>
          </fieldset>
        </div>
        ${refused}`;
    },
    check: (a: BulkyAnswers) => {
      const chosen = chosenLines(a);
      if (!chosen.length) return [{ field: 'item-0', message: 'errorItems' }];
      const errors = chosen.flatMap((line) => {
        const index = catalogue.items.findIndex((option) => option.id === line.id);
        return Number.isInteger(line.quantity) && line.quantity >= 1 ? [] : [{ field: `item-${index}-quantity`, message: 'errorQuantity', params: { item: catalogue.items[index]?.label[lang()] ?? line.id } }];
      });
      if (errors.length) return errors;
      const count = chosen.reduce((sum, line) => sum + line.quantity, 0);
      return count > catalogue.maxItems ? [{ field: 'item-0', message: 'errorTooMany', params: { max: catalogue.maxItems } }] : [];
    },
  };

  const locationStep = {
    id: 'location',
    render: (f: Flow) => html`${radios({
        id: 'location',
        legend: f.t('locationTitle'),
        legendIsHeading: true,
        hint: f.t('locationHint'),
        options: bulkyLocations.map((value) => ({ value, label: f.t(`location-${value}`) })),
        value: f.answers.location,
        error: f.errorFor('location-0'),
        errorPrefix: f.t('errorPrefix'),
        onChange: (location) => f.set({ location: location as BulkyAnswers['location'] }),
      })}
      ${f.answers.location === 'other'
        ? textField({ id: 'location-detail', label: f.t('locationDetailLabel'), value: f.answers.locationDetail, error: f.errorFor('location-detail'), errorPrefix: f.t('errorPrefix'), onInput: (locationDetail) => f.set({ locationDetail }) })
        : nothing}`,
    check: (a: BulkyAnswers) => {
      if (!a.location) return [{ field: 'location-0', message: 'errorLocation' }];
      if (a.location === 'other' && !a.locationDetail.trim()) return [{ field: 'location-detail', message: 'errorLocationDetail' }];
      if (a.locationDetail.trim().length > 200) return [{ field: 'location-detail', message: 'errorLocationLong' }];
      return [];
    },
  };

  const dateStep = {
    id: 'date',
    render: (f: Flow) => {
      dates.load(f.answers);
      if (dates.failure) return problemNote(f, dates.failure, () => dates.load(f.answers, true), ctx.contactLink());
      if (!dates.dates) return html`${stepHeading(f.t('dateTitle'))}<p role="status">${f.t('loading')}</p>`;
      if (!dates.dates.length) return html`${stepHeading(f.t('noDatesTitle'))}<p>${f.t('noDatesBody')}</p>${ctx.contactLink()}`;
      const error = f.errorFor('date-0');
      let index = 0;
      const weeks = new Map<string, string[]>();
      for (const date of dates.dates) weeks.set(mondayOf(date), [...(weeks.get(mondayOf(date)) ?? []), date]);
      const groups = [...weeks].map(
        ([monday, days]) => html`<p class="week">${f.t('weekOf', { date: ctx.date(monday, false) })}</p>
          <div class="radios">
            ${days.map((day) => {
              const id = `date-${index++}`;
              return html`<div class="radio"><input type="radio" id=${id} name="date" .value=${day} .checked=${day === f.answers.collectionDate} @change=${() => f.set({ collectionDate: day })} /><label for=${id}>${ctx.date(day)}</label></div>`;
            })}
          </div>`,
      );
      return html`<div class="form-group ${error ? 'error' : ''}">
        <fieldset aria-describedby="date-hint">
          <legend class="heading-m"><span role="heading" aria-level="2" tabindex="-1" data-step-heading>${f.t('dateTitle')}</span></legend>
          <p class="hint" id="date-hint">${f.t('dateHint')}</p>
          ${fieldError('date-0-error', error, f.t('errorPrefix'))}
          ${groups}
        </fieldset>
      </div>`;
    },
    check: (a: BulkyAnswers) => (dates.dates?.includes(a.collectionDate) ? [] : [{ field: 'date-0', message: dates.dates?.length === 0 ? 'noDatesTitle' : 'errorDate' }]),
    next: 'contact',
  };

  return {
    steps: [
      itemsStep,
      locationStep,
      dateStep,
      contactStep(),
      {
        id: 'check',
        page: true,
        render: (f) => {
          const { location, locationDetail, collectionDate } = f.answers;
          const itemsText = lines(f.answers).map((line) => `${line.quantity} × ${item(line.id)!.label[lang()]}`).join(', ');
          return checkAnswers(
            f,
            [
              ...wasteRows(ctx.host, f).slice(0, 1),
              { key: f.t('itemsKey'), value: itemsText, onChange: () => f.go('items') },
              { key: f.t('locationKey'), value: location === 'other' ? locationDetail.trim() : location ? f.t(`location-${location}`) : '', onChange: () => f.go('location') },
              { key: f.t('dateKey'), value: collectionDate ? ctx.date(collectionDate) : '', onChange: () => f.go('date') },
              ...wasteRows(ctx.host, f).slice(1),
            ],
            html`<p><strong>${f.t('totalIs', { price: pounds(total(f.answers)) })}</strong><br /><span class="hint">${f.t('payHint')}</span></p>`,
          );
        },
      },
      {
        id: 'done',
        page: true,
        render: (f) => {
          const receipt = f.receipt as SubmissionReceipt & Partial<BulkyBookingReceipt>;
          const payment = receipt.paymentUrl && /^(https:|\/)/.test(receipt.paymentUrl) ? receipt.paymentUrl : undefined;
          const manage = receipt.manageToken ? `${ctx.manageUrl().split('#')[0]}#${new URLSearchParams({ reference: receipt.reference, token: receipt.manageToken }).toString()}` : '';
          return html`${confirmationPanel(f.t('doneTitle'), html`${f.t('referenceIs')}<br /><strong>${receipt.reference}</strong>`)}
            ${receipt.amount ? (payment ? html`<p>${f.t('payNext', { price: pounds(receipt.amount) })}</p><a class="button" part="button" href=${payment}>${f.t('pay')}</a>` : html`<p>${f.t('payLink', { price: pounds(receipt.amount) })}</p>`) : nothing}
            <h3 class="heading-s">${f.t('onTheDayTitle')}</h3>
            <p>${f.t('onTheDay', { date: ctx.date(receipt.collectionDate ?? f.answers.collectionDate) })}</p>
            <h3 class="heading-s">${f.t('changeTitle')}</h3>
            <p>${f.t('changeBody', { time: catalogue.cutoffTime })}</p>
            ${manage ? html`<p><a href=${manage}>${f.t('manageLink')}</a></p>` : nothing}`;
        },
      },
    ],
    strings: finishStrings,
    send: async (a, idempotencyKey) => {
      const body = {
        uprn: a.property!.uprn,
        items: chosenLines(a),
        location: a.location,
        ...(a.location === 'other' ? { locationDetail: a.locationDetail.trim() } : {}),
        collectionDate: a.collectionDate,
        contact: contactPayload(a.contact),
      };
      try {
        return (await ctx.client().post(bulkyBookingsPath, body, { idempotencyKey, query: { lang: lang() }, read: (json) => validate(readBulkyBookingReceipt, json) })) as SubmissionReceipt & BulkyBookingReceipt;
      } catch (error) {
        const flow = ctx.flow();
        if (isApiError(error) && error.problemType === dateFullType) {
          // The date filled while the resident chose: back to the dates free now.
          flow.set({ collectionDate: '' });
          dates.load(a, true);
          flow.go('date');
          flow.check([{ field: 'date-0', message: 'dateFull' }]);
          return undefined as unknown as SubmissionReceipt;
        }
        if (isApiError(error) && (error.problemType === itemRefusedType || error.problemType === notServedType)) {
          flow.go('items');
          flow.check([{ field: 'item-0', message: error.problemType === notServedType ? 'notServed' : 'itemRefused' }]);
          return undefined as unknown as SubmissionReceipt;
        }
        throw error;
      }
    },
  };
}

/** A failed load of the dates: a property the council does not collect from, or what went wrong with Try again. */
function problemNote(f: Flow, failure: unknown, retry: () => void, contact: unknown): TemplateResult {
  if (isApiError(failure) && failure.problemType === notServedType) return html`${stepHeading(f.t('notServedTitle'))}<p>${f.t('notServed')}</p>${contact}`;
  return problemPanel(f.t, failure, retry, contact);
}
