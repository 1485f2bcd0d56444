import { councilNow } from '../clock.js';

/** What went wrong with a request, in the terms an element needs to choose its message. */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'invalid' | 'aborted';

/** A problem-details body (RFC 9457), when the server sent one. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** The one error type the http client throws. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: { status?: number; problem?: ProblemBody; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'ApiError';
  }

  /** HTTP status for `http` errors. */
  get status(): number | undefined {
    return this.details.status;
  }

  /** The stable problem `type`, when the server sent problem details. */
  get problemType(): string | undefined {
    return this.details.problem?.type;
  }

  /** Seconds the server asked us to wait (from `Retry-After`). */
  get retryAfter(): number | undefined {
    return this.details.retryAfter;
  }

  /** True when trying again might help (so elements offer a "Try again" button). */
  get retryable(): boolean {
    if (this.kind === 'http') return this.status === 429 || (this.status ?? 0) >= 500;
    return this.kind !== 'aborted';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Parses `Retry-After` (seconds or an HTTP date, measured from the page's clock) into seconds. */
export function parseRetryAfter(value: string | null, now = councilNow().getTime()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
