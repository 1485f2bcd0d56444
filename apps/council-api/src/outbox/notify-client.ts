import notifications from 'notifications-node-client';

/** What the sender needs of `notifications-node-client`'s `NotifyClient` (tests may pass their own). */
export interface OutboxClient {
  sendEmail(templateId: string, emailAddress: string, options: { personalisation: Record<string, string>; reference: string }): Promise<{ data: { id: string } }>;
  sendSms(templateId: string, phoneNumber: string, options: { personalisation: Record<string, string>; reference: string }): Promise<{ data: { id: string } }>;
}

/** GOV.UK Notify's API, used when `NOTIFY_BASE_URL` is not set. */
export const notifyProductionUrl = 'https://api.notifications.service.gov.uk';

/** The real client, on `baseUrl` (the two-argument constructor: base URL and API key). */
export function createNotifyClient(baseUrl: string, apiKey: string): OutboxClient {
  return new notifications.NotifyClient(baseUrl, apiKey) as unknown as OutboxClient;
}

/** What became of a send that did not succeed. */
export interface SendFailure {
  /** True for errors worth trying again: Notify's 5xx, 429 (rate limit) and no answer at all. */
  retry: boolean;
  /** For `last_error` and the logs: the status and Notify's own error, never the request. */
  message: string;
}

interface NotifyErrorBody {
  status_code?: unknown;
  errors?: { error?: unknown; message?: unknown }[];
}

/**
 * Reads a rejected send (an axios error from the client). Only the status and Notify's
 * `errors` are kept: the error object also holds the request, whose headers carry the signed
 * token, so it is never logged or stored. `recipient` is masked out of Notify's message.
 */
export function sendFailure(error: unknown, recipient: string): SendFailure {
  const response = (error as { response?: { status?: unknown; data?: unknown } } | null)?.response;
  if (!response || typeof response.status !== 'number') {
    const code = (error as { code?: unknown } | null)?.code;
    return { retry: true, message: `No answer from Notify${typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` (${code})` : ''}` };
  }
  const { status } = response;
  const errors = ((response.data ?? {}) as NotifyErrorBody).errors;
  const described = Array.isArray(errors)
    ? errors
        .map((e) => [e.error, e.message].filter((part): part is string => typeof part === 'string').join(': '))
        .filter(Boolean)
        .join('; ')
    : '';
  const text = `${status}${described ? ` ${described}` : ''}`.slice(0, 500);
  return { retry: status >= 500 || status === 429, message: recipient ? text.split(recipient).join('***') : text };
}
