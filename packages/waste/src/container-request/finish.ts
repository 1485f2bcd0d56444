import { html, nothing } from 'lit';
import { localeOf, type HttpClient } from '@council-kit/core';
import { checkAnswers, confirmationPanel, radios, type RadioOption } from '@council-kit/core/forms';
import { contactStep, sendWaste, wasteRows } from '../shared/later-steps.js';
import { containerRequestsPath } from '../shared/endpoints.js';
import type { LaterPages, WasteFormHost } from '../shared/waste-steps.js';
import type { ContainerAnswers, ContainerReason } from './container-answers.js';
import { finishStrings } from './finish.i18n.js';

/*
 * `<council-container-request>`'s pages after the property, as QuestionFlow step definitions:
 * which container, why, contact details, check answers (with the council's charge explained
 * before sending) and the confirmation, which hands off to the payment page when the API
 * returns one. The element loads this module when it connects, while the resident finds the
 * property, so its first page downloads less. The steps see the element only through a
 * `FinishContext`.
 */

/** What the later pages need of the element. */
export interface FinishContext {
  readonly host: WasteFormHost;
  /** The containers the council offers, as radio options (value: the container's id). */
  containers(): RadioOption[];
  /** The reasons the chosen container can be requested for. */
  reasons(): readonly ContainerReason[];
  /** The chosen container's name in the page language. */
  containerName(): string;
  /** What the council charges for the chosen container and reason, in words; empty when free. */
  charge(): string;
  /** The council API, with the page's and the element's http settings. */
  client(): HttpClient;
}

/** Only hand off to a web page we can trust the scheme of. */
const payable = (url: string | undefined) => (url && /^(https:|\/)/.test(url) ? url : undefined);

/** The later pages, their messages and the send. */
export function finish(ctx: FinishContext): LaterPages<ContainerAnswers> {
  return {
    steps: [
      {
        id: 'container',
        render: (f) =>
          radios({
            id: 'container',
            legend: f.t('containerTitle'),
            legendIsHeading: true,
            options: ctx.containers(),
            value: f.answers.containerId,
            error: f.errorFor('container-0'),
            errorPrefix: f.t('errorPrefix'),
            onChange: (containerId) => f.set({ containerId, reason: '' }),
          }),
        check: (a) => (ctx.containers().some((c) => c.value === a.containerId) ? [] : [{ field: 'container-0', message: 'errorContainer' }]),
      },
      {
        id: 'reason',
        render: (f) =>
          radios({
            id: 'reason',
            legend: f.t('reasonTitle'),
            legendIsHeading: true,
            options: ctx.reasons().map((r) => ({ value: r, label: f.t(`reason-${r}`) })),
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
          const charge = ctx.charge();
          return checkAnswers(
            f,
            [
              { key: f.t('containerKey'), value: ctx.containerName(), onChange: () => f.go('container') },
              { key: f.t('reasonKey'), value: reason ? f.t(`reason-${reason}`) : '', onChange: () => f.go('reason') },
              ...wasteRows(ctx.host, f),
            ],
            charge
              ? html`<div class="warning"><span class="warning-icon" aria-hidden="true">!</span>
                  <p><span class="visually-hidden">${f.t('chargeTitle')}: </span>${charge}<br /><span class="hint">${f.t('chargeHint')}</span></p></div>`
              : nothing,
          );
        },
      },
      {
        id: 'done',
        page: true,
        render: (f) => {
          const { reference, paymentUrl } = f.receipt!;
          const payment = payable(paymentUrl);
          const next = payment ? html`<p>${f.t('payNext')}</p><a class="button" part="button" href=${payment}>${f.t('pay')}</a>` : html`<p>${f.t('doneNext')}</p>`;
          return html`${confirmationPanel(f.t('doneTitle'), html`${f.t('referenceIs')}<br /><strong>${reference}</strong>`)}${next}`;
        },
      },
    ],
    strings: finishStrings,
    send: (a, idempotencyKey) => sendWaste(ctx.client(), containerRequestsPath, a, { containerId: a.containerId, reason: a.reason }, idempotencyKey, localeOf(ctx.host)),
  };
}
