export { fixture, cleanup, shadow, testToday } from './fixture.js';
export { mockApi, restoreApi, type MockResponse, type MockRoutes, type MockCall } from './mock-api.js';
export { lastAnnouncement } from '../announcer.js';
