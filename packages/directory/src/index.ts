export { DirectorySearch, type DirectorySearchedDetail } from './directory-search/directory-search.js';
export { ServiceDetail, type ServiceShownDetail } from './service-detail/service-detail.js';
export { OrukFeed, type DirectoryQuery } from './shared/feed.js';
export { scheduleWords, timeWords, distanceWords } from './shared/schedule-words.js';
