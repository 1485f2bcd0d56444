export { DirectorySearch, type DirectorySearchAnswer, type DirectorySearchedDetail } from './directory-search/directory-search.js';
export { ServiceDetail, type ServiceShownDetail } from './service-detail/service-detail.js';
export { serviceDetailStrings } from './service-detail/service-detail.i18n.js';
export { OrukFeed, feedCategories, feedService, feedVersion, searchFeed, emptyQuery, type DirectoryQuery, type KnownVersion } from './shared/feed.js';
export { scheduleWords, timeWords, distanceWords } from './shared/schedule-words.js';
