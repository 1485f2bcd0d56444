import { arrayOf, bool, num, object, optional, str, type Reader } from './validate.js';

/** One address as the council API returns it. */
export interface Address {
  /** Unique Property Reference Number: the stable key for a property across council systems. */
  uprn: string;
  /** The address on one line, ready to show. */
  address: string;
  /** Address lines before the town, e.g. `["12 High Street"]`. */
  lines: string[];
  town: string;
  postcode: string;
  lat?: number;
  lng?: number;
}

/** `GET /addresses?postcode=` */
export interface AddressLookupResult {
  /** The postcode as the API normalised it. */
  postcode: string;
  /** True when the postcode is valid but outside the council's area. */
  outsideArea: boolean;
  addresses: Address[];
}

export const readAddress: Reader<Address> = object({
  uprn: str,
  address: str,
  lines: arrayOf(str),
  town: str,
  postcode: str,
  lat: optional(num),
  lng: optional(num),
});

export const readAddressLookupResult: Reader<AddressLookupResult> = object({
  postcode: str,
  outsideArea: bool,
  addresses: arrayOf(readAddress),
});
