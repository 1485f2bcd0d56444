import {
  cancelRequest,
  parseRequest,
  repairRequestWith,
  rescheduleRequest,
  type CancelRequest,
  type RepairRequest,
  type RepairRequestLimits,
  type RescheduleRequest,
} from '@council-kit/contracts';
import type { Parsed } from '../http/fields.js';

/**
 * The repairs request bodies, read with the contract's schemas (`@council-kit/contracts`):
 * unknown fields refused, every problem reported at once as `{ path, message }` with JSON
 * pointers. The limits that come from the council's catalogue (description length, number of
 * photos) make the repair request's schema, built once per catalogue.
 */

const repairSchemas = new WeakMap<RepairRequestLimits, ReturnType<typeof repairRequestWith>>();

/**
 * `POST /repairs` against the catalogue's limits. `limits` is normally the catalogue itself (any
 * object with `maxDescription` and `maxPhotos`): its schema is built the first time and kept for
 * as long as that object lives.
 */
export function parseRepairRequest(body: unknown, limits: RepairRequestLimits): Parsed<RepairRequest> {
  let schema = repairSchemas.get(limits);
  if (!schema) repairSchemas.set(limits, (schema = repairRequestWith({ maxDescription: limits.maxDescription, maxPhotos: limits.maxPhotos })));
  return parseRequest(schema, body);
}

/** `PATCH /repairs/{reference}` (with the manage token): move the appointment. */
export const parseReschedule = (body: unknown): Parsed<RescheduleRequest> => parseRequest(rescheduleRequest, body);

/** `DELETE /repairs/{reference}` (with the manage token): cancel, with a reason. */
export const parseCancel = (body: unknown): Parsed<CancelRequest> => parseRequest(cancelRequest, body);
