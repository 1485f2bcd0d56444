import { html, nothing, type TemplateResult } from 'lit';
import { localeOf, type HttpClient } from '@council-kit/core';
import { checkAnswers, confirmationPanel, radios, stepHeading } from '@council-kit/core/forms';
import { readGardenReceipt, validate, type GardenOffer, type GardenReceipt, type SubmissionReceipt } from '@council-kit/contracts';
import { contactStep, wasteRows } from '../shared/later-steps.js';
import { contactPayload } from '../shared/contact.js';
import { gardenSubscriptionsPath } from '../shared/endpoints.js';
import type { LaterPages, WasteFormHost } from '../shared/waste-steps.js';
import type { GardenAnswers } from './garden-answers.js';
import { finishStrings } from './finish.i18n.js';

/*
 * `<council-garden-waste>`'s pages after the property, as QuestionFlow step definitions: the
 * property's garden waste (can it have it, its subscription and until when, what a subscription
 * now would run for and cost), how many bins, the concession question, contact details, check
 * answers (with the cancellation and refund rules) and the confirmation (pay now through GOV.UK
 * Pay, or "we will send you a link"; when collections start; the stickers to expect). Every sum
 * is the API's (`prices`): the element never works out money. The element loads this module
 * when it connects, while the resident finds the property.
 */

/** What the later pages need of the element. */
export interface FinishContext {
  readonly host: WasteFormHost;
  /** The property's garden waste offer (loaded before these pages show). */
  offer(): GardenOffer;
  /** A date as the element shows it ("31 March 2027"). */
  date(iso: string): string;
  /** Pence as pounds in the page language ("£15.00"). */
  money(pence: number): string;
  /** The council's contact link, when it has one. */
  contact(): unknown;
  /** The council API, with the page's and the element's http settings. */
  client(): HttpClient;
}

/** Only hand off to a web page we can trust the scheme of. */
const payable = (url: string | undefined) => (url && /^(https:|\/)/.test(url) ? url : undefined);

/** What the chosen bins cost, with the concession when the resident said they qualify (the API's sums). */
export function chosenAmount(offer: GardenOffer, a: GardenAnswers): number | undefined {
  const price = offer.prices.find((p) => String(p.bins) === a.bins);
  if (!price) return undefined;
  return a.concession === 'yes' && price.concessionAmount !== undefined ? price.concessionAmount : price.amount;
}

/** The later pages, their messages and the send. */
export function finish(ctx: FinishContext): LaterPages<GardenAnswers> {
  const bins = (f: { t: (k: string, p?: Record<string, string | number>) => string }, count: number) => f.t('binCount', { count });
  return {
    steps: [
      {
        id: 'offer',
        page: true,
        render: (f): TemplateResult => {
          const offer = ctx.offer();
          const { subscription: current } = offer;
          if (!offer.eligible) return html`${stepHeading(f.t('notAvailableTitle'))}<p>${f.t('notAvailableBody')}</p>${ctx.contact()}`;
          const expires = current?.expires ? ctx.date(current.expires) : '';
          const binsHeld = bins(f, current?.bins ?? 1);
          if (!offer.canSubscribe) {
            return html`${stepHeading(f.t('activeTitle'))}
              <p>${f.t('activeBody', { bins: binsHeld, expires, renewFrom: offer.renewFrom ? ctx.date(offer.renewFrom) : '' })}</p>
              ${ctx.contact()}`;
          }
          const status = current?.status === 'active' ? f.t('statusActive', { bins: binsHeld, expires }) : current?.status === 'expired' ? f.t('statusExpired', { expires }) : f.t('statusNone');
          return html`${stepHeading(f.t(offer.renewal ? 'renewTitle' : 'subscribeTitle'))}
            <p>${status}</p>
            <p>${f.t('periodBody', { starts: ctx.date(offer.starts!), expires: ctx.date(offer.expires!) })}
              ${offer.months !== undefined && offer.months < 12 ? f.t('proRataBody', { months: offer.months }) : nothing}</p>
            <p>${f.t('pricePerBin', { price: ctx.money(offer.terms.pricePerBin) })}</p>
            <button type="button" class="button" part="button" @click=${() => f.go('bins')}>${f.t('start')}</button>`;
        },
      },
      {
        id: 'bins',
        render: (f) =>
          radios({
            id: 'bins',
            legend: f.t('binsTitle'),
            legendIsHeading: true,
            hint: f.t('binsHint', { max: bins(f, ctx.offer().terms.maxBins) }),
            options: ctx.offer().prices.map((p) => ({ value: String(p.bins), label: bins(f, p.bins), hint: ctx.money(p.amount) })),
            value: f.answers.bins,
            error: f.errorFor('bins-0'),
            errorPrefix: f.t('errorPrefix'),
            onChange: (count) => f.set({ bins: count }),
          }),
        check: (a) => (ctx.offer().prices.some((p) => String(p.bins) === a.bins) ? [] : [{ field: 'bins-0', message: 'errorBins' }]),
        next: () => (ctx.offer().terms.concession ? 'concession' : 'contact'),
      },
      {
        id: 'concession',
        render: (f) => {
          const { concession } = ctx.offer().terms;
          return radios({
            id: 'concession',
            legend: concession?.question ?? '',
            legendIsHeading: true,
            hint: f.t('concessionHint', { description: concession?.description ?? '' }),
            options: [
              { value: 'yes', label: f.t('yes') },
              { value: 'no', label: f.t('no') },
            ],
            value: f.answers.concession,
            error: f.errorFor('concession-0'),
            errorPrefix: f.t('errorPrefix'),
            onChange: (value) => f.set({ concession: value as 'yes' | 'no' }),
          });
        },
        check: (a) => (a.concession ? [] : [{ field: 'concession-0', message: 'errorConcession' }]),
        next: 'contact',
      },
      contactStep(),
      {
        id: 'check',
        page: true,
        render: (f) => {
          const offer = ctx.offer();
          const amount = chosenAmount(offer, f.answers);
          return checkAnswers(
            f,
            [
              { key: f.t('binsKey'), value: f.answers.bins ? bins(f, Number(f.answers.bins)) : '', onChange: () => f.go('bins') },
              ...(offer.terms.concession ? [{ key: f.t('concessionKey'), value: f.answers.concession ? f.t(f.answers.concession) : '', onChange: () => f.go('concession') }] : []),
              { key: f.t('periodKey'), value: offer.starts ? f.t('periodValue', { starts: ctx.date(offer.starts), expires: ctx.date(offer.expires!) }) : '' },
              { key: f.t('amountKey'), value: amount === undefined ? '' : ctx.money(amount) },
              ...wasteRows(ctx.host, f),
            ],
            html`<h2 class="heading-m">${f.t('cancellationTitle')}</h2><p>${offer.terms.cancellation}</p>`,
          );
        },
      },
      {
        id: 'done',
        page: true,
        render: (f) => {
          const receipt = f.receipt as GardenReceipt;
          const offer = ctx.offer();
          const payment = payable(receipt.paymentUrl);
          const amount = ctx.money(receipt.amount);
          const next = !receipt.amount
            ? html`<p>${f.t('freeNext')}</p>`
            : payment
              ? html`<p>${f.t('payNext', { amount })}</p><a class="button" part="button" href=${payment}>${f.t('pay')}</a>`
              : html`<p>${f.t('linkNext', { amount })}</p>`;
          return html`${confirmationPanel(f.t(receipt.renewal ? 'renewDoneTitle' : 'doneTitle'), html`${f.t('referenceIs')}<br /><strong>${receipt.reference}</strong>`)}
            ${next}
            ${receipt.collectionsStart ? html`<p>${f.t('collectionsStart', { date: ctx.date(receipt.collectionsStart) })}</p>` : nothing}
            <h2 class="heading-m">${f.t('stickersTitle')}</h2>
            <p>${offer.terms.stickers}</p>
            <h2 class="heading-m">${f.t('cancellationTitle')}</h2>
            <p>${offer.terms.cancellation}</p>`;
        },
      },
    ],
    strings: finishStrings,
    send: (a, idempotencyKey): Promise<SubmissionReceipt> =>
      ctx.client().post(
        gardenSubscriptionsPath,
        { uprn: a.property!.uprn, bins: Number(a.bins), concession: a.concession === 'yes', contact: contactPayload(a.contact) },
        { idempotencyKey, query: { lang: localeOf(ctx.host) }, read: (json) => validate(readGardenReceipt, json) },
      ),
  };
}
