import { fromOsPlaces, readAddressLookupResult, validate, type AddressLookupResult } from '@council-kit/contracts';

/**
 * Where addresses come from. The default speaks the Council Kit contract; a council whose
 * proxy returns another shape supplies its own (see `osPlacesSource`).
 */
export interface AddressSource {
  /** Path resolved against `api-base`. */
  path: string;
  /** Query parameters for a normalised postcode, asked in the page's language. */
  query(postcode: string, lang?: 'en' | 'cy'): Record<string, string>;
  /** Turns the parsed JSON into the contract shape; throws when the response is unusable. */
  read(json: unknown, postcode: string): AddressLookupResult;
}

/**
 * `GET {api-base}/addresses?postcode=`: the Council Kit address lookup contract. A Welsh page
 * adds `lang=cy`, so an API answering from OS Places gives Welsh addresses in Welsh.
 */
export const councilApiSource: AddressSource = {
  path: 'addresses',
  query: (postcode, lang): Record<string, string> => (lang === 'cy' ? { postcode, lang } : { postcode }),
  read: (json) => validate(readAddressLookupResult, json),
};

/**
 * An OS Places API `/postcode` response, through the council's own proxy (which adds the API
 * key server-side: never put an OS key in a web page).
 */
export const osPlacesSource: AddressSource = {
  path: 'postcode',
  query: (postcode) => ({ postcode, output_srs: 'WGS84', dataset: 'DPA' }),
  read: (json, postcode) => fromOsPlaces(json, postcode),
};
