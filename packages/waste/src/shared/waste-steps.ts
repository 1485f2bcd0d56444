import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { announce, type Catalogue, type FlowHost, type HttpConfig, type QuestionFlow, type Step, type StringOverrides } from '@council-kit/core';
import { stepHeading } from '@council-kit/core/forms';
import type { SubmissionReceipt } from '@council-kit/contracts';
import type { AddressSelectedDetail, AddressSource } from '@council-kit/address-lookup';
import { addressLookupExportParts } from '@council-kit/address-lookup/address-lookup';
import type { ContactAnswers } from './contact.js';
import { rememberedProperty, rememberProperty, type RememberedProperty } from './property-store.js';

/*
 * The steps and helpers the waste forms share on top of core's QuestionFlow, up front: the
 * property (reusing the address lookup, or the property remembered from the bin-day page), and
 * the loading of each form's pages after it (its own questions, then contact details, check
 * answers, confirmation; see later-steps.ts), which are a chunk of their own so the first page
 * downloads less.
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

/** Says the reference through the page's live region once a submission is accepted. */
export function announceReference(t: (key: string) => string, receipt: SubmissionReceipt): void {
  announce(`${t('referenceIs')}: ${receipt.reference}`);
}

/** A link to the council's contact page, when it has one. */
export function contactLink(url: string, t: (key: string) => string): TemplateResult | typeof nothing {
  return url ? html`<p><a href=${url}>${t('contactLink')}</a></p>` : nothing;
}

/** A waste form's later pages, loaded on demand: their steps, their messages, and the send. */
export interface LaterPages<A extends WasteAnswers> {
  steps: Step<A, SubmissionReceipt>[];
  strings: Catalogue;
  send(answers: A, idempotencyKey: string): Promise<SubmissionReceipt>;
}

/**
 * A waste form's later pages, held beside its QuestionFlow: loading starts when the element
 * connects (the resident is still finding the property when they arrive), their steps join
 * the journey and their messages the element's, and a failure to load (a dropped connection)
 * is kept for the element to show with Try again (`load` again). Until they arrive, a known
 * property or a restored draft on a later page waits (the element shows a busy state).
 */
export class LaterSteps<A extends WasteAnswers> implements ReactiveController {
  /** The later pages, once loaded. */
  pages?: LaterPages<A>;
  /** Why loading them failed; cleared by `load`. */
  failure?: unknown;
  private loading?: Promise<void>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly steps: Step<A, SubmissionReceipt>[],
    private readonly importer: () => Promise<LaterPages<A>>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  /** Loads the later pages once (again after a failure). */
  load(): Promise<void> {
    this.failure = undefined;
    return (this.loading ??= this.importer().then(
      (pages) => {
        this.pages = pages;
        this.steps.push(...pages.steps);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loading = undefined;
        this.failure = error;
        this.host.requestUpdate();
      },
    ));
  }

  /** The element's messages, joined by the later pages' once they have loaded. */
  words(first: Catalogue): Catalogue {
    const later = this.pages?.strings;
    return later ? { en: { ...first.en, ...later.en }, cy: { ...first.cy, ...later.cy } } : first;
  }
}
