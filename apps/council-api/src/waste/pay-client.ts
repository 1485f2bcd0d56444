import type { PayConfig } from '../config.js';

/*
 * A small client for GOV.UK Pay's public API: create a payment, and ask how one is going. Only
 * the fields the API uses are read, and checked, so an answer of another shape is an error
 * rather than a wrong record. The API key goes in the Authorization header and nowhere else:
 * errors carry Pay's HTTP status at most, never the key, the request or Pay's body.
 */

/** What `POST /v1/payments` is sent. */
export interface NewPayment {
  /** In pence. */
  amount: number;
  /** The container request's reference (what the council's finance team reconciles by). */
  reference: string;
  description: string;
  /** Where Pay sends the resident back to (https). */
  returnUrl: string;
  language: 'en' | 'cy';
}

/** Pay's `state.status`. */
export type PayStatus = 'created' | 'started' | 'submitted' | 'capturable' | 'success' | 'failed' | 'cancelled' | 'error';

/** A payment as Pay describes it. */
export interface PayPayment {
  paymentId: string;
  status: PayStatus;
  finished: boolean;
  /** `state.code` for a failure: P0010 rejected, P0020 expired, P0030 cancelled by the user… */
  code?: string;
  /** Where the resident pays; only while the payment is unfinished. */
  nextUrl?: string;
}

/** GOV.UK Pay, as the API uses it (tests give it a local stub's address). */
export interface PayClient {
  /** `POST /v1/payments`; `idempotencyKey` makes a retried create return the same payment. */
  create(payment: NewPayment, idempotencyKey: string): Promise<PayPayment>;
  /** `GET /v1/payments/{paymentId}`. */
  get(paymentId: string): Promise<PayPayment>;
}

/** Pay did not answer, answered an error, or answered something we cannot read. */
export class PayError extends Error {
  override name = 'PayError';
}

const payStatuses: readonly string[] = ['created', 'started', 'submitted', 'capturable', 'success', 'failed', 'cancelled', 'error'];

/** The real client, over fetch. Each call gives up after `timeoutMs`. */
export function httpPayClient(config: PayConfig, { timeoutMs = 10_000 }: { timeoutMs?: number } = {}): PayClient {
  const call = async (path: string, init: RequestInit = {}): Promise<PayPayment> => {
    let response: Response;
    try {
      response = await fetch(`${config.baseUrl}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${config.apiKey}`, Accept: 'application/json', ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new PayError(error instanceof Error && error.name === 'TimeoutError' ? 'GOV.UK Pay did not answer in time' : 'GOV.UK Pay could not be reached');
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new PayError(`GOV.UK Pay answered ${response.status}`);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new PayError('GOV.UK Pay answered something that is not JSON');
    }
    return readPayment(json);
  };
  return {
    create: (payment, idempotencyKey) =>
      call('/v1/payments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify({
          amount: payment.amount,
          reference: payment.reference,
          description: payment.description,
          return_url: payment.returnUrl,
          language: payment.language,
        }),
      }),
    get: (paymentId) => call(`/v1/payments/${encodeURIComponent(paymentId)}`),
  };
}

/** The parts of Pay's payment resource the API uses, checked. */
function readPayment(json: unknown): PayPayment {
  const body = json as { payment_id?: unknown; state?: { status?: unknown; finished?: unknown; code?: unknown }; _links?: { next_url?: { href?: unknown } } } | null;
  const paymentId = body?.payment_id;
  const status = body?.state?.status;
  const finished = body?.state?.finished;
  if (typeof paymentId !== 'string' || !paymentId || typeof status !== 'string' || !payStatuses.includes(status) || typeof finished !== 'boolean') {
    throw new PayError('GOV.UK Pay answered a payment we cannot read');
  }
  const code = body?.state?.code;
  const href = body?._links?.next_url?.href;
  return {
    paymentId,
    status: status as PayStatus,
    finished,
    ...(typeof code === 'string' ? { code } : {}),
    // Only ever hand the resident an https page.
    ...(typeof href === 'string' && href.startsWith('https://') ? { nextUrl: href } : {}),
  };
}
