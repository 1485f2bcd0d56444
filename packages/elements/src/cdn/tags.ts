/**
 * Every tag the CDN build has a module for: `cdn/<tag>.js` registers that element (and any
 * element it renders inside its shadow root). The autoloader knows only these names; the CDN
 * build (tsup.cdn.config.ts) maps each one to its package's define entry, and refuses to build
 * when the two lists differ.
 */
export const cdnTags = [
  'council-address-lookup',
  'council-bin-day',
  'council-missed-bin-report',
  'council-container-request',
  'council-garden-waste',
  'council-bulky-waste',
  'council-directory-search',
  'council-service-detail',
  'council-repair-report',
  'council-repair-appointment',
] as const;

export type CdnTag = (typeof cdnTags)[number];
