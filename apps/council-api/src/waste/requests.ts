import { containerRequest, missedCollectionRequest, parseRequest, type ContainerRequest, type MissedCollectionRequest } from '@council-kit/contracts';
import type { Parsed } from '../http/fields.js';

/**
 * The waste request bodies, read with the contract's schemas (`@council-kit/contracts`): unknown
 * fields refused, every problem reported at once as `{ path, message }` with JSON pointers.
 */

export type { Contact, ContainerRequest, MissedCollectionRequest } from '@council-kit/contracts';

/** `POST /waste/missed-collections`, as `<council-missed-bin-report>` sends it. */
export const parseMissedCollection = (body: unknown): Parsed<MissedCollectionRequest> => parseRequest(missedCollectionRequest, body);

/** `POST /waste/container-requests`, as `<council-container-request>` sends it. */
export const parseContainerRequest = (body: unknown): Parsed<ContainerRequest> => parseRequest(containerRequest, body);
