import { parseEmail, parseUkPhone } from '@council-kit/contracts';

/** Optional contact details for updates about a report. */
export interface ContactAnswers {
  email: string;
  phone: string;
}

/** Checks optional contact details; returns message keys per field id. */
export function checkContact(answers: ContactAnswers): { field: 'email' | 'phone'; message: 'errorEmail' | 'errorPhone' }[] {
  const errors: { field: 'email' | 'phone'; message: 'errorEmail' | 'errorPhone' }[] = [];
  if (answers.email.trim() && !parseEmail(answers.email)) errors.push({ field: 'email', message: 'errorEmail' });
  if (answers.phone.trim() && !parseUkPhone(answers.phone)) errors.push({ field: 'phone', message: 'errorPhone' });
  return errors;
}

/** The contact object for a POST body: only what the resident gave, normalised. */
export function contactPayload(answers: ContactAnswers): { email?: string; phone?: string } {
  const email = parseEmail(answers.email);
  const phone = parseUkPhone(answers.phone);
  return { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}
