import { problemTypes, type Problem } from '@council-kit/contracts';
import { problemResponse } from '../http/problems.js';
import type { Logger } from '../logger.js';

/*
 * When an outside source (OS Places, a scraper) fails, the resident gets a problem the elements
 * already show well (any 5xx is "the service is unavailable, try again"; 429 is "too many
 * requests"), never a 500, a hung request, the command line, stderr or the key. The details go
 * to the log, redacted.
 */

/** Problem types of the outside sources; the OpenAPI document lists them. */
export const sourceProblemTypes = {
  /** 502: the source failed, refused the API's key, or answered something unusable. */
  sourceUnavailable: 'https://council-kit.dev/problems/source-unavailable',
  /** 504: the source did not answer in time. */
  sourceTimeout: 'https://council-kit.dev/problems/source-timeout',
} as const;

/** How a source failed. */
export type SourceFailure = 'unavailable' | 'timeout' | 'rate-limited' | 'misconfigured' | 'unusable';

/** A source's failure: `kind` chooses the answer, `message` (already redacted) goes to the log. */
export class SourceError extends Error {
  override name = 'SourceError';
  constructor(
    readonly kind: SourceFailure,
    message: string,
    /** More for the log (redacted: no key, no postcode). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The problem the resident gets for a failed source; `service` names it in words ("the address service"). */
export function sourceProblem(error: SourceError, service: string): Problem {
  switch (error.kind) {
    case 'timeout':
      return {
        type: sourceProblemTypes.sourceTimeout,
        title: 'The service did not answer in time',
        status: 504,
        detail: `${capitalise(service)} did not answer in time. Try again in a few minutes.`,
      };
    case 'rate-limited':
      return {
        type: problemTypes.rateLimited,
        title: 'Too many requests',
        status: 429,
        detail: `${capitalise(service)} is busy. Try again in a minute.`,
      };
    default:
      return {
        type: sourceProblemTypes.sourceUnavailable,
        title: 'The service is unavailable',
        status: 502,
        detail: `${capitalise(service)} is not working at the moment. Try again later.`,
      };
  }
}

/** Logs a source's failure (a misconfiguration as a warning the operator must act on) and answers its problem. */
export function sourceFailureResponse(error: SourceError, service: string, logger: Logger, source: string): Response {
  const fields = { source, kind: error.kind, message: error.message, ...error.details };
  // OS refusing the key, a scraper that cannot be started: only the operator can put it right.
  if (error.kind === 'misconfigured') logger.warn(`${source} cannot be used as configured: check its configuration`, fields);
  else logger.warn(`${source} failed`, fields);
  const problem = sourceProblem(error, service);
  return problemResponse(problem, problem.status === 429 ? { 'Retry-After': '60' } : {});
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
