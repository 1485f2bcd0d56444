import { AddressLookup } from './address-lookup.js';

// For elements that embed the lookup: import this module (which registers it) for its `exportparts`.
export { addressLookupExportParts } from './parts.js';

// The only side effect in the module. Guarded, so a page that loads two copies (an npm bundle
// and the CDN build) does not throw.
if (!customElements.get('council-address-lookup')) {
  customElements.define('council-address-lookup', AddressLookup);
}
