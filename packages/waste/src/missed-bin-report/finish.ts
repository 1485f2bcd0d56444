import { html, type TemplateResult } from 'lit';
import { localeOf, type HttpClient } from '@council-kit/core';
import { checkAnswers, confirmationPanel } from '@council-kit/core/forms';
import { contactStep, sendWaste, wasteRows } from '../shared/later-steps.js';
import { missedCollectionsPath } from '../shared/endpoints.js';
import type { LaterPages, WasteFormHost } from '../shared/waste-steps.js';
import type { MissedBinAnswers } from './missed-bin-answers.js';
import { finishStrings } from './finish.i18n.js';

/*
 * `<council-missed-bin-report>`'s later pages, as QuestionFlow step definitions: contact
 * details, check answers and the confirmation, with their messages and the send. The element
 * loads this module while the resident answers its first questions, so its first page
 * downloads less. The steps see the element only through a `FinishContext`.
 */

/** What the later pages need of the element. */
export interface FinishContext {
  readonly host: WasteFormHost & { binOutTime: string };
  /** The collection chosen, as the resident read it ("Rubbish, Tuesday 24 November"). */
  collection(answers: MissedBinAnswers): string;
  /** The link to the council's bin-day page, when it has one. */
  binDayLink(): unknown;
  /** The council API, with the page's and the element's http settings. */
  client(): HttpClient;
}

/** The later pages, their messages and the send. */
export function finish(ctx: FinishContext): LaterPages<MissedBinAnswers> {
  const { host } = ctx;
  return {
    steps: [
      contactStep(),
      {
        id: 'check',
        page: true,
        render: (f) =>
          checkAnswers(f, [
            { key: f.t('serviceKey'), value: ctx.collection(f.answers), onChange: () => f.go('service') },
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
