export { BinDay, type CollectionsLoadedDetail } from './bin-day/bin-day.js';
export { describeContainer, describeFrequency } from './shared/describe.js';
export { rememberedProperty, rememberProperty, forgetProperty, type RememberedProperty } from './shared/property-store.js';
