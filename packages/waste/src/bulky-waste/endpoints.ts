/** The bulky waste endpoints of the council API, relative to `api-base` (see the OpenAPI document). */

/** `GET`: the council's items, prices and rules. */
export const bulkyCataloguePath = '/waste/bulky/catalogue';

/** `GET`: a property's collection dates with room for the items (`?items=sofa:1,mattress:2`). */
export const bulkyDatesPath = (uprn: string): string => `/waste/properties/${encodeURIComponent(uprn)}/bulky-dates`;

/** `POST`: book a collection. */
export const bulkyBookingsPath = '/waste/bulky-bookings';

/** `GET`, `PATCH`, `DELETE` (with the manage token): one booking. */
export const bulkyBookingPath = (reference: string): string => `${bulkyBookingsPath}/${encodeURIComponent(reference)}`;

/** The problem types the element explains in its own words. */
export const dateFullType = 'https://council-kit.dev/problems/date-full';
export const itemRefusedType = 'https://council-kit.dev/problems/item-refused';
export const changeClosedType = 'https://council-kit.dev/problems/change-closed';
export const notServedType = 'https://council-kit.dev/problems/bulky-not-served';
