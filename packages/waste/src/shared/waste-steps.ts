import { html, nothing, type TemplateResult } from 'lit';
import { announce, type FlowHost, type HttpConfig, type QuestionFlow, type Step, type StringOverrides } from '@council-kit/core';
import { stepHeading, textField, type SummaryRow } from '@council-kit/core/forms';
import { readSubmissionReceipt, validate, type SubmissionReceipt } from '@council-kit/contracts';
import type { AddressSelectedDetail, AddressSource } from '@council-kit/address-lookup';
import { addressLookupExportParts } from '@council-kit/address-lookup/address-lookup';
import { checkContact, type ContactAnswers } from './contact.js';
import { rememberedProperty, rememberProperty, type RememberedProperty } from './property-store.js';

/*
 * The steps and helpers the waste forms share on top of core's QuestionFlow: the property
 * (reusing the address lookup, or the property remembered from the bin-day page), contact
 * details, their check-answers rows, and the receipt every waste submission answers with.
 */

/** What every waste form asks besides its own questions. */
export interface WasteAnswers {
  property?: RememberedProperty;
  contact: ContactAnswers;
}

/** A waste form element, as its shared steps see it: its public attributes. */
export interface WasteFormHost extends FlowHost {
  apiBase: string;
  uprn: string;
  noRemember: boolean;
  strings?: StringOverrides;
  /** The embedded address lookup's data source. */
  addressSource?: AddressSource;
  httpOptions?: HttpConfig;
}

type Flow<A extends WasteAnswers> = QuestionFlow<A, SubmissionReceipt>;

/** The first step: find the property with the address lookup; then on to `first`. */
export function propertyStep<A extends WasteAnswers>(el: WasteFormHost, first: string): Step<A, SubmissionReceipt> {
  return {
    id: 'property',
    page: true,
    render: (flow) => {
      const chosen = (event: CustomEvent<AddressSelectedDetail>) => {
        event.stopPropagation();
        const { uprn } = event.detail;
        // An address typed by hand has no UPRN: not a property we collect from.
        if (!uprn) return flow.check([{ field: 'lookup', message: 'manualAddress' }]);
        const property = { uprn, address: (event.target as HTMLElement & { value?: { address?: string } }).value?.address ?? '' };
        if (!el.noRemember) rememberProperty(property);
        flow.set({ property } as Partial<A>);
        flow.go(first);
      };
      return html`${stepHeading(flow.t('propertyTitle'))}
        <council-address-lookup
          id="lookup"
          exportparts=${addressLookupExportParts}
          api-base=${el.apiBase}
          heading-level="3"
          .source=${el.addressSource}
          .httpOptions=${el.httpOptions}
          .strings=${el.strings}
          @council-address-selected=${chosen}
        ></council-address-lookup>`;
    },
  };
}

/**
 * Starts at `first` when the property is already known: the `uprn` attribute, or the property
 * remembered this session. Call before the flow connects, so a restored draft wins.
 */
export function useKnownProperty<A extends WasteAnswers>(el: WasteFormHost, flow: Flow<A>, first: string): void {
  const property = el.uprn ? { uprn: el.uprn, address: '' } : el.noRemember ? undefined : rememberedProperty();
  if (property && flow.step === 'property') {
    flow.set({ property } as Partial<A>);
    flow.restart(first);
  }
}

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

/** Reads a waste submission's answer against the contract. */
export const readReceipt = (json: unknown): SubmissionReceipt => validate(readSubmissionReceipt, json);

/** Says the reference through the page's live region once a submission is accepted. */
export function announceReference(t: (key: string) => string, receipt: SubmissionReceipt): void {
  announce(`${t('referenceIs')}: ${receipt.reference}`);
}

/** A link to the council's contact page, when it has one. */
export function contactLink(url: string, t: (key: string) => string): TemplateResult | typeof nothing {
  return url ? html`<p><a href=${url}>${t('contactLink')}</a></p>` : nothing;
}
