import { html, type TemplateResult } from 'lit';
import { fieldError } from '@council-kit/core/forms';
import type { RepairSlot } from '@council-kit/contracts';

export interface SlotRadiosOptions {
  slots: RepairSlot[];
  value?: string;
  legend: string;
  hint: string;
  error?: string;
  errorPrefix: string;
  /** The date as a heading, e.g. "Wednesday 25 November". */
  date: (iso: string) => string;
  period: (slot: RepairSlot) => string;
  onChange: (slot: RepairSlot) => void;
}

/**
 * Appointment radios grouped by date: one question (the page heading is the legend), a nested
 * fieldset per day so a screen reader says the date with each period. The error summary links
 * to `slot-0`.
 */
export function slotRadios(o: SlotRadiosOptions): TemplateResult {
  const days = new Map<string, RepairSlot[]>();
  for (const slot of o.slots) days.set(slot.date, [...(days.get(slot.date) ?? []), slot]);
  let i = 0;
  return html`<div class="form-group ${o.error ? 'error' : ''}">
    <fieldset aria-describedby=${o.error ? 'slot-hint slot-error' : 'slot-hint'}>
      <legend class="heading-m"><span role="heading" aria-level="2" tabindex="-1" data-step-heading>${o.legend}</span></legend>
      <p class="hint" id="slot-hint">${o.hint}</p>
      ${fieldError('slot-error', o.error, o.errorPrefix)}
      ${[...days].map(
        ([date, slots]) => html`<fieldset class="day">
          <legend class="heading-s">${o.date(date)}</legend>
          <div class="radios">
            ${slots.map((slot) => {
              const id = `slot-${i++}`;
              return html`<div class="radio">
                <input type="radio" id=${id} name="slot" .checked=${slot.id === o.value} @change=${() => o.onChange(slot)} />
                <label for=${id}>${o.period(slot)}</label>
              </div>`;
            })}
          </div>
        </fieldset>`,
      )}
    </fieldset>
  </div>`;
}

