/**
 * Every repairs endpoint of the council API, relative to `api-base` (see the OpenAPI document in
 * `@council-kit/contracts`). One module, so a path changes in one place.
 */

/** `GET`: the council's repairs catalogue (emergencies, locations, problems, repairs, limits). */
export const cataloguePath = '/repairs/catalogue';

/** `GET`: a property, whether the council owns it, and the communal repairs open in its block. */
export const propertyPath = (uprn: string): string => `/repairs/properties/${encodeURIComponent(uprn)}`;

/** `GET`: the free appointment slots for a repair's trade (`sor`) at a property (`uprn`). */
export const slotsPath = '/repairs/slots';

/** `POST`: report a repair. */
export const repairsPath = '/repairs';

/**
 * `GET` (read), `PATCH` (move the appointment), `DELETE` (cancel): one repair, by its reference,
 * only with its manage token (`Authorization: Bearer`, see manage-link.ts).
 */
export const repairPath = (reference: string): string => `${repairsPath}/${encodeURIComponent(reference)}`;

/** `GET ?postcode=`: whether a repair exists at a postcode, and its status; nothing else, no token. */
export const repairStatusPath = (reference: string): string => `${repairPath(reference)}/status`;

/** `POST`: upload a photo (the image bytes); answers with the photo's id. */
export const photosPath = '/repairs/photos';

