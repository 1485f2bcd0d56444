import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, newIdempotencyKey } from '@council-kit/core';
import { confirmationPanel, summaryList, textField } from '@council-kit/core/forms';
import { parseEmail, parseUkMobile, parseUkPhone, readRepair, readRepairSlots, validate, type RepairCatalogue } from '@council-kit/contracts';
export { journeyStrings } from './journey.i18n.js';
import type { ReportHost, Step } from './report-host.js';
import type { RepairReportedDetail } from './repair-report.js';
import { slotRadios } from '../shared/slots.js';
import { alreadyReported, visibleLocations } from './triage.js';

/*
 * The second half of the repair report: description, photos, contact details, appointment,
 * check answers, send and confirmation. The element loads this module (and its messages) once
 * the resident is past the emergency screen and has a council property, so the first page,
 * which must show emergency numbers fast on any phone, downloads only the triage. Every
 * function here receives the element itself (`ReportHost`).
 */

const contactFields = { text: 'mobile', email: 'email', phone: 'phone' } as const;

export function loadSlots(h: ReportHost): Promise<void> {
  return h.run(h.msg('loading'), async () => {
    h.slots = await h.http(h.apiBase).get('/repairs/slots', {
      query: { sor: h.leaf?.sor, uprn: h.draft.property?.uprn },
      read: (json) => validate(readRepairSlots, json),
    });
  });
}

function renderDescribe(h: ReportHost, max: number): TemplateResult {
  const text = h.a.description;
  const left = max - text.length;
  const error = h.errorFor('description');
  const count = text ? h.msg(left < 0 ? 'countOver' : 'countLeft', { count: Math.abs(left) }) : h.msg('countMax', { count: max });
  return h.page(
    html`<div class="form-group ${error ? 'error' : ''}">
      <label class="label heading-m" for="description"><span role="heading" aria-level="2" tabindex="-1" data-step-heading>${h.msg('describeTitle')}</span></label>
      <p class="hint" id="description-hint">${h.msg('describeHint')}</p>
      ${h.renderFieldError('description-error', error)}
      <textarea
        class="input textarea ${error || left < 0 ? 'error' : ''}"
        id="description"
        rows="5"
        spellcheck="true"
        aria-describedby="description-hint description-info ${error ? 'description-error' : ''}"
        .value=${text}
        @input=${(e: Event) => onDescribe(h, (e.target as HTMLTextAreaElement).value, max)}
      ></textarea>
      <span class="visually-hidden" id="description-info">${h.msg('countMax', { count: max })}</span>
      <p class="count ${left < 0 ? 'error-message' : 'hint'}" aria-hidden="true">${count}</p>
    </div>`,
    () => {
      const length = h.a.description.trim().length;
      if (!h.check(!length ? [{ field: 'description', message: 'errorDescribe' }] : length > max ? [{ field: 'description', message: 'errorTooLong' }] : [], { count: max })) return;
      h.go(h.leaf?.photo ? 'photos' : 'contact');
    },
  );
}

function onDescribe(h: ReportHost, description: string, max: number): void {
  h.set({ description });
  // As GOV.UK's character count: screen readers hear the count once typing pauses, not per key.
  clearTimeout(h.countTimer);
  const left = max - description.length;
  // Only while the question is still on screen: a count heard on the next page would be noise.
  h.countTimer = setTimeout(() => h.draft.step === 'describe' && h.announce(h.msg(left < 0 ? 'countOver' : 'countLeft', { count: Math.abs(left) })), 1000);
}

function renderPhotos(h: ReportHost, catalogue: RepairCatalogue): TemplateResult {
  const photos = h.a.photos;
  const bytes = catalogue.maxPhotoBytes;
  const size = bytes < 2 ** 20 ? `${Math.floor(bytes / 1024)}KB` : `${Math.floor(bytes / 2 ** 20)}MB`;
  const error = h.errorFor('photo');
  return h.page(
    html`${h.heading(h.msg('photoTitle'))}
      <p class="hint" id="photo-hint">${h.msg('photoHint', { count: catalogue.maxPhotos, size })}</p>
      ${photos.length
        ? html`<ul class="list photos">
            ${photos.map(
              (p, i) => html`<li>
                ${h.msg('photoN', { n: i + 1 })}: ${p.name}
                <button type="button" class="link" @click=${() => h.set({ photos: photos.filter((x) => x !== p) })}>
                  ${h.msg('remove')}<span class="visually-hidden"> ${h.msg('photoN', { n: i + 1 })}</span>
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${h.uploading
        ? h.renderBusy(h.msg('uploading'))
        : photos.length < catalogue.maxPhotos
          ? html`<div class="form-group ${error ? 'error' : ''}">
              <label class="label" for="photo">${h.msg('photoLabel')}</label>
              ${h.renderFieldError('photo-error', error)}
              <input
                class="file"
                id="photo"
                type="file"
                accept="image/jpeg,image/png"
                multiple
                aria-describedby="photo-hint ${error ? 'photo-error' : ''}"
                @change=${(e: Event) => onPhotos(h, e.target as HTMLInputElement, catalogue, size)}
              />
            </div>`
          : nothing}`,
    () => !h.uploading && h.go('contact'),
  );
}

async function onPhotos(h: ReportHost, input: HTMLInputElement, catalogue: RepairCatalogue, size: string): Promise<void> {
  const files = [...(input.files ?? [])];
  input.value = '';
  const max = catalogue.maxPhotos;
  if (!files.length || !h.check(h.a.photos.length + files.length > max ? [{ field: 'photo', message: 'errorPhotoCount' }] : [], { count: max })) return;
  h.uploading = true;
  try {
    // Photo checks, downsizing and upload are needed only by residents who add a photo, so
    // they load on demand: a separate chunk, not part of the element's up-front size.
    const { preparePhoto, uploadPhoto } = await import('./photos.js');
    for (const file of files) {
      const photo = await preparePhoto(file, catalogue.maxPhotoBytes);
      if (typeof photo === 'string') {
        h.check([{ field: 'photo', message: photo }], { size });
        break;
      }
      const id = await uploadPhoto(h.http(h.apiBase), photo);
      h.set({ photos: [...h.a.photos, { id, name: file.name }] });
    }
  } catch {
    h.check([{ field: 'photo', message: 'errorPhotoFailed' }]);
  } finally {
    h.uploading = false;
  }
}

function renderContact(h: ReportHost): TemplateResult {
  const preference = h.a.preference;
  const field = preference && contactFields[preference];
  const options = (['text', 'email', 'phone'] as const).map((p) => ({ value: p, label: h.msg(p), hint: p === 'phone' ? h.msg('phoneHint') : undefined }));
  return h.page(
    html`${h.choice('preference', h.msg('contactTitle'), options, 'preference')}
      ${field
        ? textField({
            id: field,
            label: h.msg(`${field}Label`),
            type: field === 'email' ? 'email' : 'tel',
            autocomplete: field === 'email' ? 'email' : 'tel',
            spellcheck: false,
            width: field === 'email' ? undefined : 'width-20',
            value: h.a[field],
            error: h.errorFor(field),
            errorPrefix: h.t('errorPrefix'),
            onInput: (value) => h.set({ [field]: value }),
          })
        : nothing}`,
    () => {
      if (!h.need('preference', 'preference', 'errorPreference')) return;
      const parse = { mobile: parseUkMobile, email: parseEmail, phone: parseUkPhone }[field as 'mobile'];
      const error = `error${field[0]!.toUpperCase()}${field.slice(1)}`;
      if (h.check(parse(h.a[field as 'mobile']) ? [] : [{ field: field as string, message: error }])) h.go(h.outcome === 'book' ? 'slot' : 'check');
    },
  );
}

function renderSlot(h: ReportHost): TemplateResult {
  const slots = h.slots;
  if (!slots) return h.renderBusy(h.msg('loading'));
  if (slots.callBack || !slots.slots.length) {
    return h.endPage(
      h.msg('callBackTitle'),
      html`<p>${h.msg('callBackBody')}</p>
        <button class="button" part="button" type="button" @click=${() => (h.set({ slot: undefined, callBack: true }), h.go('check'))}>${h.msg('continue')}</button>`,
    );
  }
  return h.page(
    slotRadios({
      slots: slots.slots,
      value: h.a.slot?.id,
      legend: h.msg('slotTitle'),
      hint: h.msg('slotHint'),
      error: h.errorFor('slot-0'),
      errorPrefix: h.t('errorPrefix'),
      date: (iso) => h.formatDate(iso, { year: false }),
      period: (slot) => h.msg(slot.period),
      onChange: (slot) => h.set({ slot, callBack: false }),
    }),
    () => h.check(h.a.slot ? [] : [{ field: 'slot-0', message: 'errorSlot' }]) && h.go('check'),
  );
}

function renderCheck(h: ReportHost): TemplateResult {
  const a = h.a;
  const leaf = h.leaf;
  const field = a.preference && contactFields[a.preference];
  const go = (step: Step) => () => h.go(step);
  const rows = [
    { key: h.msg('reporterKey'), value: h.msg(a.reporter), onChange: go('reporter') },
    { key: h.msg('addressKey'), value: h.draft.property?.address ?? '', onChange: h.uprn ? undefined : go('property') },
    { key: h.msg('locationKey'), value: h.location ? h.label(h.location.label) : '', onChange: go('location') },
    { key: h.msg('problemKey'), value: h.problem ? h.label(h.problem.label) : '', onChange: go('problem') },
    { key: h.msg('leafKey'), value: leaf ? h.label(leaf.label) : '', onChange: go('leaf') },
    { key: h.msg('describeKey'), value: a.description.trim(), onChange: go('describe') },
    ...(leaf?.photo ? [{ key: h.msg('photosKey'), value: h.msg('photoCount', { count: a.photos.length }), onChange: go('photos') }] : []),
    { key: h.msg('contactKey'), value: field ? `${h.msg(a.preference)}: ${a[field].trim()}` : '', onChange: go('contact') },
    {
      key: h.msg('appointmentKey'),
      value: a.slot ? `${h.formatDate(a.slot.date, { year: false })}, ${h.msg(a.slot.period)}` : h.msg('weWillContact'),
      onChange: h.outcome === 'book' ? go('slot') : undefined,
    },
  ];
  const key = `refused-${h.sendError?.problemType?.split('/').pop()}`;
  const refusal = h.msg(key);
  return html`${h.backLink()}${h.renderErrorSummary(h.errors)}${h.heading(h.msg('checkTitle'))}
    ${summaryList(rows, h.t('change'))}
    ${h.sending
      ? h.renderBusy(h.msg('sending'))
      : refusal !== key
        ? html`<p class="error-message refused" tabindex="-1" role="alert">${refusal}</p>${h.contactLink()}`
        : html`${h.sendError ? h.renderProblem(h.sendError, () => send(h), h.contactLink()) : nothing}
            <button class="button" part="button" type="button" @click=${() => send(h)}>${h.msg('send')}</button>`}`;
}

async function send(h: ReportHost): Promise<void> {
  const { property, answers: a } = h.draft;
  const field = a.preference && contactFields[a.preference];
  if (!property || !field || !a.preference) return;
  // One key per submission, kept in the draft: a retry after a failure or a reload is the same submission.
  const key = h.draft.key ?? newIdempotencyKey();
  h.draft = { ...h.draft, key };
  h.sending = true;
  h.sendError = undefined;
  try {
    const value = a[field].trim();
    const repair = await h.http(h.apiBase).post(
      '/repairs',
      {
        uprn: property.uprn,
        reporter: a.reporter,
        leafId: a.leafId,
        description: a.description.trim(),
        photoIds: a.photos.map((p) => p.id),
        contact: { preference: a.preference, [field]: (field === 'email' ? parseEmail(value) : parseUkPhone(value)) ?? value },
        slotId: a.slot?.id,
      },
      { idempotencyKey: key, query: { lang: h.locale }, read: (json) => validate(readRepair, json) },
    );
    h.sent = repair;
    h.store.clear();
    h.draft = { ...h.draft, step: 'done', history: [] };
    h.focusTarget = '[data-step-heading]';
    h.announce(`${h.msg('referenceIs')}: ${repair.reference}`);
    h.emit<RepairReportedDetail>('council-repair-reported', { reference: repair.reference, outcome: a.slot ? 'book' : 'we-will-contact' });
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError('invalid', String(error));
    if (apiError.status === 409) {
      // Someone booked the slot first: choose another, with every other answer kept.
      h.set({ slot: undefined });
      h.go('slot');
      h.check([{ field: 'slot-0', message: 'slotTaken' }]);
    } else {
      h.sendError = apiError;
      h.focusTarget = '.problem h2, .refused';
    }
  } finally {
    h.sending = false;
  }
}

function renderDone(h: ReportHost): TemplateResult {
  const repair = h.sent;
  if (!repair) return html``;
  const appointment = repair.appointment;
  return html`${confirmationPanel(h.msg('doneTitle'), html`${h.msg('referenceIs')}<br /><strong>${repair.reference}</strong>`)}
    <p>${appointment ? h.msg('doneBooked', { date: h.formatDate(appointment.date), period: h.msg(appointment.period) }) : h.msg('doneCallBack')}</p>
    <p>${h.msg('doneTarget', { date: h.formatDate(repair.targetDate) })}</p>
    ${h.appointmentUrl ? html`<p><a href=${h.appointmentUrl}>${h.msg('appointmentLink')}</a></p>` : nothing}`;
}
/** The page for a step of this half of the journey. */
export function renderJourney(h: ReportHost): TemplateResult {
  const catalogue = h.catalogue!;
  const a = h.a;
  const msg = h.msg.bind(h);
  const council = h.label(catalogue.council.name);
  const leaf = h.leaf;
  switch (h.draft.step) {
    case 'notCouncil':
      return h.endPage(
        msg('notCouncilTitle'),
        html`<p>${msg('notCouncilBody', { council })}</p>
          <button class="button secondary" part="button" type="button" @click=${() => h.go('property', true)}>${msg('otherAddress')}</button>
          ${h.contactLink()}`,
      );
    case 'location':
      return h.page(
        h.choice('location', msg('locationTitle'), visibleLocations(catalogue, a.reporter || 'tenant').map((l) => ({ value: l.id, label: h.label(l.label) })), 'locationId'),
        () => {
          if (!h.need('locationId', 'location', 'errorLocation')) return;
          const listed = h.location?.communal && h.draft.property ? alreadyReported(catalogue, h.draft.property, a.locationId) : [];
          if (listed.length && !a.reported) h.go('reported', true);
          else h.go('problem');
        },
      );
    case 'reported': {
      const listed = h.draft.property ? alreadyReported(catalogue, h.draft.property, a.locationId) : [];
      return h.page(
        html`${h.heading(msg('reportedTitle'))}
          <p>${msg('reportedIntro', { count: listed.length })}</p>
          <ul class="list reported">
            ${listed.map((r) => html`<li><strong>${r.label}</strong><br /><span class="hint">${r.locationLabel}. ${msg('reportedOn', { date: h.formatDate(r.reportedOn, { year: false }) })}. ${msg(r.status)}.</span></li>`)}
          </ul>
          ${h.choice('reported', msg('reportedQuestion'), [{ value: 'yes', label: msg('yes') }, { value: 'no', label: msg('no') }], 'reported', undefined, false)}`,
        () => h.need('reported', 'reported', 'errorReported') && (a.reported === 'yes' ? h.go('already', true) : h.go('problem')),
      );
    }
    case 'already':
      return h.endPage(msg('alreadyTitle'), html`<p>${msg('alreadyBody')}</p>`);
    case 'problem': {
      const problems = visibleLocations(catalogue, a.reporter || 'tenant').find((l) => l.id === a.locationId)?.problems ?? [];
      return h.page(
        h.choice('problem', msg('problemTitle'), problems.map((p) => ({ value: p.id, label: h.label(p.label) })), 'problemId'),
        () => h.need('problemId', 'problem', 'errorProblem') && h.go('leaf'),
      );
    }
    case 'leaf': {
      const leaves = visibleLocations(catalogue, a.reporter || 'tenant').find((l) => l.id === a.locationId)?.problems.find((p) => p.id === a.problemId)?.leaves ?? [];
      return h.page(
        h.choice('leaf', msg('leafTitle'), leaves.map((l) => ({ value: l.id, label: h.label(l.label), hint: l.hint && h.label(l.hint) })), 'leafId'),
        () => {
          if (!h.need('leafId', 'leaf', 'errorLeaf')) return;
          const outcome = h.outcome;
          if (outcome === 'call-us') h.go('call', true);
          else if (outcome === 'not-eligible' || outcome === 'contact-us') h.go('end', true);
          else h.go('describe');
        },
      );
    }
    case 'end':
      return h.outcome === 'not-eligible'
        ? h.endPage(msg('notEligibleTitle'), html`<p>${msg(a.reporter === 'leaseholder' ? 'notEligibleBody' : 'notEligibleTenant')}</p>${h.contactLink()}`)
        : h.endPage(
            msg('contactUsTitle'),
            html`${leaf?.hint ? html`<p>${h.label(leaf.hint)}</p>` : nothing}
              <p>${msg('contactUsBody', { council })} ${h.tel(catalogue.council.phone)}</p>`,
          );
    case 'describe':
      return renderDescribe(h, h.catalogue!.maxDescription);
    case 'photos':
      return renderPhotos(h, h.catalogue!);
    case 'contact':
      return renderContact(h);
    case 'slot':
      return renderSlot(h);
    case 'check':
      return renderCheck(h);
    default:
      return renderDone(h);
  }
}
