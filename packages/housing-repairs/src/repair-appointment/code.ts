import { html, nothing, type TemplateResult } from 'lit';
import { announce, isApiError } from '@council-kit/core';
import { stepHeading, textField } from '@council-kit/core/forms';
import { problemTypes, readManageCodeSent, readManageTokenGrant, validate, type ManageCodeSent } from '@council-kit/contracts';
import type { AppointmentFlow, AppointmentStep } from './appointment-flow.js';
import type { ManageContext } from './manage.js';
import { repairPath } from '../shared/endpoints.js';

/*
 * Managing a repair without its manage link: on the status page (found by reference and
 * postcode), an open repair offers a one-time code, which the council API sends to the email
 * address or mobile on the repair; the code page takes it and exchanges it for a manage token,
 * and the element then opens the repair exactly as from the link (the token only in memory).
 * Part of the later pages' chunk (manage.ts), so the first page downloads none of it.
 */

// Here rather than in endpoints.ts, which the first page loads: only these pages use them.
/** `POST { postcode }`: send a one-time code to the contact details on the repair (no token). */
const repairCodePath = (reference: string): string => `${repairPath(reference)}/code`;
/** `POST { postcode, code }`: exchange the one-time code for a manage token. */
const repairTokenPath = (reference: string): string => `${repairPath(reference)}/token`;

/** Each element's request in flight from these pages, for manage.ts `change` to send. */
const sends = new WeakMap<ManageContext, () => Promise<void>>();

/** Sends the request the code pages asked for (the flow's `send` on the status and code pages). */
export async function sendFromCodePages(ctx: ManageContext): Promise<undefined> {
  await sends.get(ctx)?.();
  return undefined;
}

/** The code as typed, without the spaces a resident may put in it. */
const digits = (code: string): string => code.replace(/\s+/g, '');

/** The offer on the status page, and the page that takes the code. */
export interface CodePages {
  /** Under an open repair's status: get a code (or why none can be sent). */
  offer(flow: AppointmentFlow): TemplateResult;
  step: AppointmentStep;
}

export function codePages(ctx: ManageContext): CodePages {
  /** Where the last code went (masked by the API). */
  let sent: ManageCodeSent | undefined;
  /** The repair the API would not send a code for: no email or mobile on it, or closed since it was found. */
  let refused = '';

  /** Asks the council API for a code; `again` from the code page ("Send a new code"). */
  const ask = async (again: boolean): Promise<void> => {
    const { flow } = ctx;
    const { reference } = ctx.summary();
    try {
      sent = await ctx.client().post(repairCodePath(reference), { postcode: flow.answers.postcode }, { query: { lang: ctx.locale() }, read: (json) => validate(readManageCodeSent, json) });
    } catch (error) {
      // 422: nothing to send to (`no-contact-details`), or closed since it was found.
      if (!isApiError(error) || error.status !== 422) throw error;
      refused = reference;
      if (again) flow.back();
      return;
    }
    flow.set({ code: '' });
    if (!again) flow.go('code');
    else {
      flow.check([]);
      announce(flow.t('codeResent', { hint: sent.hint }));
    }
  };

  /** Exchanges the code for a manage token, then opens the repair with it. */
  const exchange = async (code: string): Promise<void> => {
    const { flow } = ctx;
    const { reference } = ctx.summary();
    let token: string;
    try {
      const grant = await ctx.client().post(repairTokenPath(reference), { postcode: flow.answers.postcode, code: digits(code) }, { read: (json) => validate(readManageTokenGrant, json) });
      token = grant.manageToken;
    } catch (error) {
      // One answer whatever was wrong: the code (the reference and postcode just matched).
      if (!isApiError(error) || error.status !== 422 || error.problemType !== problemTypes.manageCodeNotValid) throw error;
      flow.check([{ field: 'code', message: 'codeNotValid' }]);
      return;
    }
    // Used once: nothing to retry with, so the code is forgotten at once.
    flow.set({ code: '' });
    await ctx.openWith(token);
  };

  /**
   * Sent through the flow's `submit` (see manage.ts `change`), so the busy state, the problem
   * page and Try again are the journey's own: Try again repeats the request the resident made.
   */
  let pending: () => Promise<void> = () => ask(false);
  const submit = (request: () => Promise<void>) => ((pending = request), void ctx.flow.submit());
  sends.set(ctx, () => pending());

  return {
    offer: (f) =>
      refused === ctx.summary().reference
        ? html`<p>${f.t('noContact')}</p>`
        : html`<p>${f.t('codeOffer')}</p>
            <button class="button" part="button" type="button" @click=${() => submit(() => ask(false))}>${f.t('getCode')}</button>`,
    step: {
      // GOV.UK's "Check your phone" pattern: one input for the code, a new one on request.
      id: 'code',
      page: true,
      render: (f) => {
        const email = sent?.channel === 'email';
        const check = (): void => {
          const code = digits(f.answers.code);
          if (f.check(!code ? [{ field: 'code', message: 'errorCode' }] : /^\d{6}$/.test(code) ? [] : [{ field: 'code', message: 'errorCodeFormat' }])) submit(() => exchange(code));
        };
        return html`${stepHeading(f.t(email ? 'codeTitleEmail' : 'codeTitleSms'))}
          ${sent ? html`<p>${f.t('codeSent', { hint: sent.hint })}</p>` : nothing}
          <form novalidate @submit=${(e: Event) => (e.preventDefault(), check())}>
            ${textField({
              id: 'code',
              label: f.t('codeLabel'),
              hint: f.t('codeHint'),
              value: f.answers.code,
              error: f.errorFor('code'),
              errorPrefix: f.t('errorPrefix'),
              width: 'width-10',
              inputmode: 'numeric',
              autocomplete: 'one-time-code',
              spellcheck: false,
              onInput: (code) => f.set({ code }),
            })}
            <button class="button" part="button" type="submit">${f.t('continue')}</button>
          </form>
          <p><button class="link" type="button" @click=${() => submit(() => ask(true))}>${f.t('resendCode')}</button></p>
          <p>${f.t('notReceived')}</p>
          ${ctx.contactLink()}`;
      },
    },
  };
}
