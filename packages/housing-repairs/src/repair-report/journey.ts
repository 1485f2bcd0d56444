import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { announce, formatDate, isApiError, type HttpClient, type HttpConfig, type Locale, type StepError, type StringOverrides } from '@council-kit/core';
import { busy, checkAnswers, confirmationPanel, fieldError, radios, stepHeading, textField, type RadioOption } from '@council-kit/core/forms';
import {
  leafOutcome,
  parseEmail,
  parseUkMobile,
  parseUkPhone,
  readRepairProperty,
  readRepairSlots,
  readReportedRepair,
  validate,
  type Bilingual,
  type ContactPreference,
  type RepairCatalogue,
  type RepairSlots,
  type ReportedRepair,
} from '@council-kit/contracts';
import type { AddressSelectedDetail, AddressSource } from '@council-kit/address-lookup';
import { addressLookupExportParts } from '@council-kit/address-lookup/address-lookup';
import { tel } from './phone-now.js';
import type { ReportAnswers, ReportFlow, ReportStep } from './report-flow.js';
import { alreadyReported, visibleLocations } from './triage.js';
import { propertyPath, repairsPath, slotsPath } from '../shared/endpoints.js';
import { manageLink } from '../shared/manage-link.js';
import { slotRadios } from '../shared/slots.js';
export { journeyStrings, type JourneyKey } from './journey.i18n.js';

/*
 * The repair report's later steps, as QuestionFlow step definitions: who is reporting, the
 * property (with the address lookup), where the problem is, what and which, the pages that end
 * the report online, a description, photos, contact details, an appointment, check answers and
 * confirmation; with how to resume after a Change, load the free slots and send. The element
 * loads this module (and its messages, and the address lookup) once the resident says it is not
 * an emergency, so the first page, which must show emergency numbers fast on any phone,
 * downloads only the emergency screen. The steps see the element only through a `JourneyContext`.
 */

/** The element's public properties the later steps read (see `<council-repair-report>`). */
export interface ReportSettings {
  apiBase: string;
  uprn: string;
  appointmentUrl: string;
  /** Loaded before any of these steps shows. */
  catalogue?: RepairCatalogue;
  addressSource?: AddressSource;
  httpOptions?: HttpConfig;
  strings?: StringOverrides;
  requestUpdate(): void;
  addController(controller: ReactiveController): void;
}

/** What the later steps need of the element. */
export interface JourneyContext {
  /** The element, through its public properties, read as each step renders. */
  readonly host: ReportSettings;
  /** The element's journey. */
  readonly flow: ReportFlow;
  /** The page language. */
  locale(): Locale;
  /** The free slots, once the element has loaded them (`loadSlots`) for the slot step. */
  slots(): RepairSlots | undefined;
  /** The element's http client for its `api-base`, with its `httpOptions`. */
  client(): HttpClient;
  /** Runs a request the resident waits for: `busy` meanwhile; a failure shows the problem panel with Try again. */
  wait(busy: string, task: () => Promise<void>): Promise<void>;
  /** The link to the council's contact page, when it has one. */
  contactLink(): unknown;
}

// Answers that depend on the one before: changing one clears those after it.
const chain = ['reporter', 'locationId', 'reported', 'problemId', 'leafId'] as const;

/** A radios question on one answer; a changed answer clears the answers that depended on it. */
function choice(f: ReportFlow, id: string, legend: string, options: RadioOption[], key: keyof ReportAnswers, hint?: string, heading = true): TemplateResult {
  const value = f.answers[key] as string;
  return radios({
    id,
    legend,
    legendIsHeading: heading,
    hint,
    options,
    value,
    error: f.errorFor(`${id}-0`),
    errorPrefix: f.t('errorPrefix'),
    onChange: (v) => {
      if (v === value) return;
      const i = chain.indexOf(key as (typeof chain)[number]);
      const cleared = i < 0 ? {} : { ...Object.fromEntries(chain.slice(i + 1).map((k) => [k, ''])), slot: undefined, callBack: false };
      f.set({ ...cleared, [key]: v });
    },
  });
}

/** The check of a radios question: an answer is needed (the summary links to its first radio). */
const need =
  (key: keyof ReportAnswers, id: string, message: string) =>
  (a: ReportAnswers): StepError[] =>
    a[key] ? [] : [{ field: `${id}-0`, message }];

const contactFields = { text: 'mobile', email: 'email', phone: 'phone' } as const;

const catalogue = (ctx: JourneyContext): RepairCatalogue => ctx.host.catalogue!;

const label = (ctx: JourneyContext, text: Bilingual): string => text[ctx.locale()] || text.en;

/** The location, problem and repair chosen, and how the repair is handled for this reporter. */
function picked(ctx: JourneyContext, a: ReportAnswers) {
  const location = catalogue(ctx).locations.find((l) => l.id === a.locationId);
  const problem = location?.problems.find((p) => p.id === a.problemId);
  const leaf = problem?.leaves.find((l) => l.id === a.leafId);
  // Booked online, or the council calls back (urgent jobs; no free slots).
  return { location, problem, leaf, outcome: leaf && a.reporter ? leafOutcome(leaf, a.reporter) : 'book' };
}

/** Repairs already reported in the shared area chosen, so neighbours do not report one twice. */
function listed(ctx: JourneyContext, a: ReportAnswers) {
  return picked(ctx, a).location?.communal && a.property ? alreadyReported(catalogue(ctx), a.property, a.locationId) : [];
}

/** The locations this reporter may report repairs in. */
const locations = (ctx: JourneyContext, a: ReportAnswers) => visibleLocations(catalogue(ctx), a.reporter || 'tenant');

/** True when the resident can choose a slot (else the council calls to arrange one). */
const offered = (slots?: RepairSlots): boolean => !!slots && !slots.callBack && slots.slots.length > 0;

/** After a Change link: the first answer still needed, if any (else back to check answers). */
export function missing(ctx: JourneyContext, a: ReportAnswers): string | undefined {
  const { leaf, outcome } = picked(ctx, a);
  if (!a.locationId) return 'location';
  if (listed(ctx, a).length && !a.reported) return 'reported';
  if (!a.problemId) return 'problem';
  if (!leaf) return 'leaf';
  if (!a.description.trim()) return 'describe';
  if (!a.preference) return 'contact';
  if (outcome === 'book' && !a.slot && !a.callBack) return 'slot';
  return undefined;
}

/** The free slots for the repair's trade at the property; when none can be offered, the council will call. */
export async function loadSlots(ctx: JourneyContext): Promise<RepairSlots> {
  const { flow } = ctx;
  const a = flow.answers;
  const slots = await ctx.client().get(slotsPath, {
    query: { sor: picked(ctx, a).leaf?.sor, uprn: a.property?.uprn },
    read: (json) => validate(readRepairSlots, json),
  });
  if (!offered(slots)) flow.set({ slot: undefined, callBack: true });
  return slots;
}

/**
 * Sends the report (`flow.submit` calls this with the submission's idempotency key). A slot
 * booked by someone else meanwhile (409) sends the resident back to choose another, with every
 * other answer kept: `undefined`, no receipt.
 */
export async function sendReport(ctx: JourneyContext, a: ReportAnswers, idempotencyKey: string): Promise<ReportedRepair | undefined> {
  const { flow } = ctx;
  const field = contactFields[a.preference as ContactPreference];
  const value = a[field].trim();
  try {
    return await ctx.client().post(
      repairsPath,
      {
        uprn: a.property!.uprn,
        reporter: a.reporter,
        leafId: a.leafId,
        description: a.description.trim(),
        photoIds: a.photos.map((p) => p.id),
        contact: { preference: a.preference, [field]: (field === 'email' ? parseEmail(value) : parseUkPhone(value)) ?? value },
        slotId: a.slot?.id,
      },
      { idempotencyKey, query: { lang: ctx.locale() }, read: (json) => validate(readReportedRepair, json) },
    );
  } catch (error) {
    if (!isApiError(error) || error.status !== 409) throw error;
    flow.set({ slot: undefined });
    flow.go('slot');
    flow.check([{ field: 'slot-0', message: 'slotTaken' }]);
    return undefined;
  }
}

/** The later steps, seeing the element through `ctx`. */
export function journeySteps(ctx: JourneyContext): ReportStep[] {
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  let uploading = false;
  const date = (iso: string, year?: boolean) => formatDate(iso, ctx.locale(), { year });
  const council = () => label(ctx, catalogue(ctx).council.name);
  const problems = (a: ReportAnswers) => locations(ctx, a).find((l) => l.id === a.locationId)?.problems ?? [];

  /** Checks the property is a council home, then on to where the problem is. */
  function findProperty(uprn: string): Promise<void> {
    const { flow } = ctx;
    return ctx.wait(flow.t('checkingProperty'), async () => {
      const property = await ctx.client().get(propertyPath(uprn), { query: { lang: ctx.locale() }, read: (json) => validate(readRepairProperty, json) });
      // Appointments are per property: a different home needs a new one.
      flow.set(property.uprn === flow.answers.property?.uprn ? { property } : { property, slot: undefined, callBack: false });
      flow.go(property.councilOwned ? 'location' : 'notCouncil');
    });
  }

  function describe(f: ReportFlow, description: string): void {
    f.set({ description });
    // As GOV.UK's character count: screen readers hear the count once typing pauses, not per key.
    clearTimeout(countTimer);
    const left = catalogue(ctx).maxDescription - description.length;
    // Only while the question is still on screen: a count heard on the next page would be noise.
    countTimer = setTimeout(() => f.step === 'describe' && announce(f.t(left < 0 ? 'countOver' : 'countLeft', { count: Math.abs(left) })), 1000);
  }

  /** Thumbnails of the photos added on this page: object URLs by photo id, revoked when removed or the element leaves the page. */
  const thumbs = new Map<string, string>();
  const forget = (id: string) => {
    const url = thumbs.get(id);
    if (url) URL.revokeObjectURL(url);
    thumbs.delete(id);
  };
  ctx.host.addController({ hostDisconnected: () => [...thumbs.keys()].forEach(forget) });

  async function addPhotos(f: ReportFlow, input: HTMLInputElement, size: string): Promise<void> {
    const files = [...(input.files ?? [])];
    input.value = '';
    const { maxPhotos, maxPhotoBytes } = catalogue(ctx);
    if (!files.length || !f.check(f.answers.photos.length + files.length > maxPhotos ? [{ field: 'photo', message: 'errorPhotoCount', params: { count: maxPhotos } }] : [])) return;
    uploading = true;
    ctx.host.requestUpdate();
    try {
      // Photo checks, downsizing and upload are needed only by residents who add a photo, so
      // they load on demand: a separate chunk.
      const { preparePhoto, uploadPhoto } = await import('./photos.js');
      for (const file of files) {
        const photo = await preparePhoto(file, maxPhotoBytes);
        if (typeof photo === 'string') {
          f.check([{ field: 'photo', message: photo, params: { size } }]);
          break;
        }
        const id = await uploadPhoto(ctx.client(), photo);
        thumbs.set(id, URL.createObjectURL(photo));
        f.set({ photos: [...f.answers.photos, { id, name: file.name }] });
      }
    } catch {
      f.check([{ field: 'photo', message: 'errorPhotoFailed' }]);
    } finally {
      uploading = false;
      ctx.host.requestUpdate();
    }
  }

  return [
    {
      id: 'reporter',
      render: (f) => choice(f, 'reporter', f.t('reporterTitle'), (['tenant', 'leaseholder'] as const).map((r) => ({ value: r, label: f.t(r), hint: f.t(`${r}Hint`) })), 'reporter'),
      check: need('reporter', 'reporter', 'errorReporter'),
      // A property the page gave is checked first (is it the council's?); findProperty moves on.
      next: () => (ctx.host.uprn ? void findProperty(ctx.host.uprn) : 'property'),
    },
    {
      id: 'property',
      page: true,
      render: (f) => {
        const { host } = ctx;
        const chosen = (event: CustomEvent<AddressSelectedDetail>) => {
          event.stopPropagation();
          if (event.detail.uprn) void findProperty(event.detail.uprn);
          else f.check([{ field: 'lookup', message: 'manualAddress' }]);
        };
        return html`${stepHeading(f.t('propertyTitle'))}
          <council-address-lookup
            id="lookup"
            exportparts=${addressLookupExportParts}
            api-base=${host.apiBase}
            heading-level="3"
            .source=${host.addressSource}
            .httpOptions=${host.httpOptions}
            .strings=${host.strings}
            @council-address-selected=${chosen}
          ></council-address-lookup>`;
      },
    },
    {
      id: 'notCouncil',
      page: true,
      render: (f) => html`${stepHeading(f.t('notCouncilTitle'))}
        <p>${f.t('notCouncilBody', { council: council() })}</p>
        <button class="button secondary" part="button" type="button" @click=${() => f.go('property')}>${f.t('otherAddress')}</button>
        ${ctx.contactLink()}`,
    },
    {
      id: 'location',
      render: (f) => choice(f, 'location', f.t('locationTitle'), locations(ctx, f.answers).map((l) => ({ value: l.id, label: label(ctx, l.label) })), 'locationId'),
      check: need('locationId', 'location', 'errorLocation'),
      next: (a) => (listed(ctx, a).length && !a.reported ? 'reported' : 'problem'),
    },
    {
      id: 'reported',
      render: (f) => {
        const list = listed(ctx, f.answers);
        return html`${stepHeading(f.t('reportedTitle'))}
          <p>${f.t('reportedIntro', { count: list.length })}</p>
          <ul class="list reported">
            ${list.map((r) => html`<li><strong>${r.label}</strong><br /><span class="hint">${r.locationLabel}. ${f.t('reportedOn', { date: date(r.reportedOn, false) })}. ${f.t(r.status)}.</span></li>`)}
          </ul>
          ${choice(f, 'reported', f.t('reportedQuestion'), [{ value: 'yes', label: f.t('yes') }, { value: 'no', label: f.t('no') }], 'reported', undefined, false)}`;
      },
      check: need('reported', 'reported', 'errorReported'),
      next: (a) => (a.reported === 'yes' ? 'already' : 'problem'),
    },
    { id: 'already', page: true, render: (f) => html`${stepHeading(f.t('alreadyTitle'))}<p>${f.t('alreadyBody')}</p>` },
    {
      id: 'problem',
      render: (f) => choice(f, 'problem', f.t('problemQuestion'), problems(f.answers).map((p) => ({ value: p.id, label: label(ctx, p.label) })), 'problemId'),
      check: need('problemId', 'problem', 'errorProblem'),
      next: 'leaf',
    },
    {
      id: 'leaf',
      render: (f) => {
        const leaves = problems(f.answers).find((p) => p.id === f.answers.problemId)?.leaves ?? [];
        return choice(f, 'leaf', f.t('leafTitle'), leaves.map((l) => ({ value: l.id, label: label(ctx, l.label), hint: l.hint && label(ctx, l.hint) })), 'leafId');
      },
      check: need('leafId', 'leaf', 'errorLeaf'),
      next: (a) => {
        const { outcome } = picked(ctx, a);
        return outcome === 'call-us' ? 'call' : outcome === 'not-eligible' || outcome === 'contact-us' ? 'end' : 'describe';
      },
    },
    {
      // A repair that cannot be reported online: what to do instead.
      id: 'end',
      page: true,
      render: (f) => {
        const { leaf, outcome } = picked(ctx, f.answers);
        return outcome === 'not-eligible'
          ? html`${stepHeading(f.t('notEligibleTitle'))}<p>${f.t(f.answers.reporter === 'leaseholder' ? 'notEligibleBody' : 'notEligibleTenant')}</p>${ctx.contactLink()}`
          : html`${stepHeading(f.t('contactUsTitle'))}${leaf?.hint ? html`<p>${label(ctx, leaf.hint)}</p>` : nothing}
              <p>${f.t('contactUsBody', { council: council() })} ${tel(catalogue(ctx).council.phone)}</p>`;
      },
    },
    {
      id: 'describe',
      render: (f) => {
        const max = catalogue(ctx).maxDescription;
        const text = f.answers.description;
        const left = max - text.length;
        const error = f.errorFor('description');
        const count = text ? f.t(left < 0 ? 'countOver' : 'countLeft', { count: Math.abs(left) }) : f.t('countMax', { count: max });
        return html`<div class="form-group ${error ? 'error' : ''}">
          <label class="label heading-m" for="description"><span role="heading" aria-level="2" tabindex="-1" data-step-heading>${f.t('describeTitle')}</span></label>
          <p class="hint" id="description-hint">${f.t('describeHint')}</p>
          ${fieldError('description-error', error, f.t('errorPrefix'))}
          <textarea
            class="input textarea ${error || left < 0 ? 'error' : ''}"
            id="description"
            rows="5"
            spellcheck="true"
            aria-describedby="description-hint description-info ${error ? 'description-error' : ''}"
            .value=${text}
            @input=${(e: Event) => describe(f, (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <span class="visually-hidden" id="description-info">${f.t('countMax', { count: max })}</span>
          <p class="count ${left < 0 ? 'error-message' : 'hint'}" aria-hidden="true">${count}</p>
        </div>`;
      },
      check: (a) => {
        const length = a.description.trim().length;
        const max = catalogue(ctx).maxDescription;
        return !length ? [{ field: 'description', message: 'errorDescribe' }] : length > max ? [{ field: 'description', message: 'errorTooLong', params: { count: max } }] : [];
      },
      next: (a) => (picked(ctx, a).leaf?.photo ? 'photos' : 'contact'),
    },
    {
      id: 'photos',
      render: (f) => {
        const { photos } = f.answers;
        const { maxPhotos, maxPhotoBytes: bytes } = catalogue(ctx);
        const size = bytes < 2 ** 20 ? `${Math.floor(bytes / 1024)}KB` : `${Math.floor(bytes / 2 ** 20)}MB`;
        const error = f.errorFor('photo');
        const hint = f.t('photoHint', { count: maxPhotos, size });
        const remove = (p: { id: string }) => {
          forget(p.id);
          f.set({ photos: photos.filter((x) => x !== p) });
        };
        return html`${stepHeading(f.t('photoTitle'))}
          ${photos.length
            ? html`<ul class="list photos">
                ${photos.map((p, i) => {
                  const name = f.t('photoName', { n: i + 1, name: p.name });
                  const url = thumbs.get(p.id);
                  return html`<li>
                    ${url ? html`<img class="thumbnail" src=${url} alt=${f.t('photoAlt', { name: p.name })} />` : nothing}
                    <span class="photo-name">${name}</span>
                    <button type="button" class="link" @click=${() => remove(p)}>${f.t('remove')}<span class="visually-hidden"> ${f.t('removeWhat', { n: i + 1, name: p.name })}</span></button>
                  </li>`;
                })}
              </ul>`
            : nothing}
          ${uploading
            ? busy(f.t('uploading'))
            : photos.length < maxPhotos
              ? html`<div class="form-group ${error ? 'error' : ''}">
                  <label class="label" for="photo">${f.t('photoLabel')}</label>
                  <div class="hint" id="photo-hint">${hint}</div>
                  ${fieldError('photo-error', error, f.t('errorPrefix'))}
                  <input
                    class="file"
                    id="photo"
                    type="file"
                    accept="image/jpeg,image/png"
                    multiple
                    aria-describedby="photo-hint ${error ? 'photo-error' : ''}"
                    @change=${(e: Event) => addPhotos(f, e.target as HTMLInputElement, size)}
                  />
                </div>`
              : html`<p class="hint" id="photo-hint">${hint}</p>`}`;
      },
      // Not while a photo is still uploading.
      next: () => (uploading ? undefined : 'contact'),
    },
    {
      id: 'contact',
      render: (f) => {
        const a = f.answers;
        const field = a.preference && contactFields[a.preference];
        const options = (['text', 'email', 'phone'] as const).map((p) => ({ value: p, label: f.t(p), hint: p === 'phone' ? f.t('phoneHint') : undefined }));
        return html`${choice(f, 'preference', f.t('contactTitle'), options, 'preference')}
          ${field
            ? textField({
                id: field,
                label: f.t(`${field}Label`),
                type: field === 'email' ? 'email' : 'tel',
                autocomplete: field === 'email' ? 'email' : 'tel',
                spellcheck: false,
                width: field === 'email' ? undefined : 'width-20',
                value: a[field],
                error: f.errorFor(field),
                errorPrefix: f.t('errorPrefix'),
                onInput: (value) => f.set({ [field]: value }),
              })
            : nothing}`;
      },
      check: (a) => {
        if (!a.preference) return [{ field: 'preference-0', message: 'errorPreference' }];
        const field = contactFields[a.preference];
        const parse = { mobile: parseUkMobile, email: parseEmail, phone: parseUkPhone }[field];
        return parse(a[field]) ? [] : [{ field, message: `error${field[0]!.toUpperCase()}${field.slice(1)}` }];
      },
      next: (a) => (picked(ctx, a).outcome === 'book' ? 'slot' : 'check'),
    },
    {
      // The element loads the free slots (`loadSlots`) each time this step shows.
      id: 'slot',
      render: (f) =>
        offered(ctx.slots())
          ? slotRadios({
              slots: ctx.slots()!.slots,
              value: f.answers.slot?.id,
              legend: f.t('slotTitle'),
              hint: f.t('slotHint'),
              error: f.errorFor('slot-0'),
              errorPrefix: f.t('errorPrefix'),
              date: (iso) => date(iso, false),
              period: (slot) => f.t(slot.period),
              onChange: (slot) => f.set({ slot, callBack: false }),
            })
          : html`${stepHeading(f.t('callBackTitle'))}<p>${f.t('callBackBody')}</p>`,
      check: (a) => (offered(ctx.slots()) && !a.slot ? [{ field: 'slot-0', message: 'errorSlot' }] : []),
      next: 'check',
    },
    {
      id: 'check',
      page: true,
      render: (f) => {
        const a = f.answers;
        const { location, problem, leaf, outcome } = picked(ctx, a);
        const field = a.preference && contactFields[a.preference];
        const change = (step: string) => () => f.go(step);
        return checkAnswers(f, [
          { key: f.t('reporterKey'), value: f.t(a.reporter), onChange: change('reporter') },
          { key: f.t('addressKey'), value: a.property?.address ?? '', onChange: ctx.host.uprn ? undefined : change('property') },
          { key: f.t('locationKey'), value: location ? label(ctx, location.label) : '', onChange: change('location') },
          { key: f.t('problemKey'), value: problem ? label(ctx, problem.label) : '', onChange: change('problem') },
          { key: f.t('leafKey'), value: leaf ? label(ctx, leaf.label) : '', onChange: change('leaf') },
          { key: f.t('describeKey'), value: a.description.trim(), onChange: change('describe') },
          ...(leaf?.photo ? [{ key: f.t('photosKey'), value: f.t('photoCount', { count: a.photos.length }), onChange: change('photos') }] : []),
          { key: f.t('contactKey'), value: field ? `${f.t(a.preference)}: ${a[field].trim()}` : '', onChange: change('contact') },
          {
            key: f.t('appointmentKey'),
            value: a.slot ? f.t('slot', { date: date(a.slot.date, false), period: f.t(a.slot.period) }) : f.t('weWillContact'),
            onChange: outcome === 'book' ? change('slot') : undefined,
          },
        ]);
      },
    },
    {
      id: 'done',
      page: true,
      render: (f) => {
        const repair = f.receipt!;
        const { appointment } = repair;
        return html`${confirmationPanel(f.t('doneTitle'), html`${f.t('referenceIs')}<br /><strong>${repair.reference}</strong>`)}
          <p>${appointment ? f.t('doneBooked', { date: date(appointment.date), period: f.t(appointment.period) }) : f.t('doneCallBack')}</p>
          <p>${f.t('doneTarget', { date: date(repair.targetDate) })}</p>
          ${ctx.host.appointmentUrl
            ? // The manage token, in the link's fragment: the only way to manage the repair online, shown once.
              html`<p><a href=${manageLink(ctx.host.appointmentUrl, repair.reference, repair.manageToken)}>${f.t('appointmentLink')}</a></p>
                <p class="hint">${f.t('appointmentLinkHint')}</p>`
            : nothing}`;
      },
    },
  ];
}

