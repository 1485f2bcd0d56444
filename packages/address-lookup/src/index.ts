export { AddressLookup, type AddressSelectedDetail } from './address-lookup/address-lookup.js';
export { councilApiSource, osPlacesSource, type AddressSource } from './address-lookup/address-source.js';
export { checkManualAddress, type ManualAddress } from './address-lookup/manual-address.js';
export { addressLookupStrings } from './address-lookup/address-lookup.i18n.js';
export { addressLookupExportParts } from './address-lookup/parts.js';
