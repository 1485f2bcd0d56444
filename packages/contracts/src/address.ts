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

export const readAddress: Reader<Address> = /* @__PURE__ */ object({
  uprn: str,
  address: str,
  lines: /* @__PURE__ */ arrayOf(str),
  town: str,
  postcode: str,
  lat: /* @__PURE__ */ optional(num),
  lng: /* @__PURE__ */ optional(num),
});

export const readAddressLookupResult: Reader<AddressLookupResult> = /* @__PURE__ */ object({
  postcode: str,
  outsideArea: bool,
  addresses: /* @__PURE__ */ arrayOf(readAddress),
});
