import { html } from 'lit';
import type { HttpClient, Locale, QuestionFlow, Step } from '@council-kit/core';
import { textField, type SummaryRow } from '@council-kit/core/forms';
import { readSubmissionReceipt, validate, type SubmissionReceipt } from '@council-kit/contracts';
import { checkContact, contactPayload, type ContactAnswers } from './contact.js';
import type { WasteAnswers, WasteFormHost } from './waste-steps.js';
export { laterStrings } from './later-steps.i18n.js';

/*
 * The later pages the waste forms share, loaded on demand with each form's own (its finish.ts):
 * optional contact details, their check-answers rows, and the send every waste submission
 * makes. Nothing here is needed until the resident has answered the form's own questions.
 */

type Flow<A extends WasteAnswers> = QuestionFlow<A, SubmissionReceipt>;

/** Optional contact details, checked when given; then check answers. */
export function contactStep<A extends WasteAnswers>(): Step<A, SubmissionReceipt> {
  return {
    id: 'contact',
    render: (flow) => {
      const { contact } = flow.answers;
      const errorPrefix = flow.t('errorPrefix');
      const set = (patch: Partial<ContactAnswers>) => flow.set({ contact: { ...flow.answers.contact, ...patch } } as Partial<A>);
      return html`<fieldset>
        <legend class="heading-m"><span role="heading" aria-level="2" tabindex="-1" data-step-heading>${flow.t('contactTitle')}</span></legend>
        <p class="hint">${flow.t('contactHint')}</p>
        ${textField({ id: 'email', label: flow.t('emailLabel'), type: 'email', autocomplete: 'email', spellcheck: false, value: contact.email, error: flow.errorFor('email'), errorPrefix, onInput: (email) => set({ email }) })}
        ${textField({ id: 'phone', label: flow.t('phoneLabel'), type: 'tel', autocomplete: 'tel', width: 'width-20', value: contact.phone, error: flow.errorFor('phone'), errorPrefix, onInput: (phone) => set({ phone }) })}
      </fieldset>`;
    },
    check: (a) => checkContact(a.contact),
    next: 'check',
  };
}

/** The check-answers rows every waste form ends with: the property (unless the page gave it) and contact details. */
export function wasteRows<A extends WasteAnswers>(el: WasteFormHost, flow: Flow<A>): SummaryRow[] {
  const { contact, property } = flow.answers;
  const notGiven = flow.t('notGiven');
  const change = () => flow.go('contact');
  return [
    {
      key: flow.t('addressKey'),
      value: property?.address || property?.uprn || '',
      onChange: el.uprn ? undefined : () => (flow.set({ property: undefined } as Partial<A>), flow.restart('property')),
    },
    { key: flow.t('emailKey'), value: contact.email.trim() || notGiven, onChange: change },
    { key: flow.t('phoneKey'), value: contact.phone.trim() || notGiven, onChange: change },
  ];
}

/**
 * Sends a waste submission: `body` with the property's UPRN and the contact details the resident
 * gave (normalised), once per idempotency key; the answer is read against the receipt contract.
 * `lang` is the page's: the council's confirmation (Notify) is written in it.
 */
export function sendWaste<A extends WasteAnswers>(client: HttpClient, path: string, answers: A, body: object, idempotencyKey: string, lang: Locale): Promise<SubmissionReceipt> {
  return client.post(path, { uprn: answers.property!.uprn, ...body, contact: contactPayload(answers.contact) }, {
    idempotencyKey,
    query: { lang },
    read: (json) => validate(readSubmissionReceipt, json),
  });
}
