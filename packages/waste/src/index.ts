export { BinDay, type CollectionsLoadedDetail } from './bin-day/bin-day.js';
export { collectionsPath } from './shared/endpoints.js';
export { collectionsQuery } from './shared/collections-query.js';
export { describeContainer, describeFrequency } from './shared/describe.js';
export { rememberedProperty, rememberProperty, forgetProperty, type RememberedProperty } from './shared/property-store.js';
export { MissedBinReport, type MissedBinReportedDetail } from './missed-bin-report/missed-bin-report.js';
export { ContainerRequest, type ContainerOption, type ContainerRequestedDetail } from './container-request/container-request.js';
export { GardenWaste, type GardenSubscribedDetail } from './garden-waste/garden-waste.js';
export { BulkyWaste, type BulkyBookedDetail, type BulkyChangedDetail } from './bulky-waste/bulky-waste.js';
