import { html, type TemplateResult } from 'lit';
import { localeOf, type HttpClient } from '@council-kit/core';
import { checkAnswers, confirmationPanel, radios, stepHeading } from '@council-kit/core/forms';
import type { ReportableService } from '@council-kit/contracts';
import { contactStep, sendWaste, wasteRows } from '../shared/later-steps.js';
import { missedCollectionsPath } from '../shared/endpoints.js';
import type { LaterPages, WasteFormHost } from '../shared/waste-steps.js';
import type { MissedBinAnswers } from './missed-bin-answers.js';
import { finishStrings } from './finish.i18n.js';

/*
 * `<council-missed-bin-report>`'s pages after the property, as QuestionFlow step definitions:
 * which collection, whether the bin was out (or the dead end when it was not), contact
 * details, check answers and the confirmation, with their messages and the send. The element
 * loads this module when it connects, while the resident finds the property (or while the
 * property's collections load), so its first page downloads less. The steps see the element
 * only through a `FinishContext`.
 */

/** What the later pages need of the element. */
export interface FinishContext {
  readonly host: WasteFormHost & { binOutTime: string };
  /** The property's collections that can still be reported (loaded before these pages show). */
  services(): ReportableService[];
  /** The date of the collection a resident reports for `service`. */
  missedDate(service: ReportableService): string;
  /** A date as the element shows it, without the year ("Tuesday 24 November"). */
  date(iso: string): string;
  /** The link to the council's bin-day page, when it has one. */
  binDayLink(): unknown;
  /** The council API, with the page's and the element's http settings. */
  client(): HttpClient;
}

/** The later pages, their messages and the send. */
export function finish(ctx: FinishContext): LaterPages<MissedBinAnswers> {
  const { host } = ctx;
  const serviceName = (id: string) => ctx.services().find((s) => s.id === id)?.name ?? id;
  return {
    steps: [
      {
        id: 'service',
        render: (f) =>
          radios({
            id: 'service',
            legend: f.t('serviceTitle'),
            legendIsHeading: true,
            hint: f.t('serviceHint'),
            options: ctx.services().map((s) => ({ value: s.id, label: s.name, hint: f.t('collectionOn', { date: ctx.date(ctx.missedDate(s)) }) })),
            value: f.answers.serviceId,
            error: f.errorFor('service-0'),
            errorPrefix: f.t('errorPrefix'),
            onChange: (serviceId) => f.set({ serviceId, collectionDate: ctx.missedDate(ctx.services().find((s) => s.id === serviceId)!) }),
          }),
        check: (a) => (a.serviceId ? [] : [{ field: 'service-0', message: 'errorService' }]),
      },
      {
        id: 'binOut',
        render: (f) =>
          radios({
            id: 'bin-out',
            legend: f.t('binOutTitle', { time: host.binOutTime, date: ctx.date(f.answers.collectionDate) }),
            legendIsHeading: true,
            hint: f.t('binOutHint'),
            options: [
              { value: 'yes', label: f.t('yes') },
              { value: 'no', label: f.t('no') },
            ],
            value: f.answers.binOut,
            error: f.errorFor('bin-out-0'),
            errorPrefix: f.t('errorPrefix'),
            onChange: (binOut) => f.set({ binOut: binOut as 'yes' | 'no' }),
          }),
        check: (a) => (a.binOut ? [] : [{ field: 'bin-out-0', message: 'errorBinOut', params: { time: host.binOutTime } }]),
        next: (a) => (a.binOut === 'yes' ? 'contact' : 'late'),
      },
      {
        id: 'late',
        page: true,
        render: (f) => html`${stepHeading(f.t('lateTitle'))}
          <p>${f.t('lateBody', { time: host.binOutTime })}</p>
          ${ctx.binDayLink()}`,
      },
      contactStep(),
      {
        id: 'check',
        page: true,
        render: (f) =>
          checkAnswers(f, [
            { key: f.t('serviceKey'), value: f.t('serviceOn', { service: serviceName(f.answers.serviceId), date: ctx.date(f.answers.collectionDate) }), onChange: () => f.go('service') },
            { key: f.t('binOutKey', { time: host.binOutTime }), value: f.t('yes'), onChange: () => f.go('binOut') },
            ...wasteRows(host, f),
          ]),
      },
      {
        id: 'done',
        page: true,
        render: (f): TemplateResult => {
          const { reference, duplicate } = f.receipt!;
          return html`${confirmationPanel(f.t(duplicate ? 'duplicateTitle' : 'doneTitle'), html`${f.t('referenceIs')}<br /><strong>${reference}</strong>`)}
            <p>${f.t(duplicate ? 'duplicateNext' : 'doneNext')}</p>
            ${ctx.binDayLink()}`;
        },
      },
    ],
    strings: finishStrings,
    send: (a, idempotencyKey) =>
      sendWaste(ctx.client(), missedCollectionsPath, a, { serviceId: a.serviceId, collectionDate: a.collectionDate, binOutInTime: true }, idempotencyKey, localeOf(host)),
  };
}
