import { array, boolean, number, object, optional, reader, string, type Infer } from './schema/index.js';
import type { Reader } from './validate.js';

/** One address as the council API returns it. */
export const address = object({
  /** Unique Property Reference Number: the stable key for a property across council systems. */
  uprn: string(),
  /** The address on one line, ready to show. */
  address: string(),
  /** Address lines before the town, e.g. `["12 High Street"]`. */
  lines: array(string()),
  town: string(),
  postcode: string(),
  lat: optional(number()),
  lng: optional(number()),
});
export type Address = Infer<typeof address>;

/** `GET /addresses?postcode=` */
export const addressLookupResult = object({
  /** The postcode as the API normalised it. */
  postcode: string(),
  /** True when the postcode is valid but outside the council's area. */
  outsideArea: boolean(),
  addresses: array(address),
});
export type AddressLookupResult = Infer<typeof addressLookupResult>;

export const readAddress: Reader<Address> = reader(address);
export const readAddressLookupResult: Reader<AddressLookupResult> = reader(addressLookupResult);
