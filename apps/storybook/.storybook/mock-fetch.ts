import { mockApi, type MockCall, type MockRoutes } from '@council-kit/core/testing';

// Captured before any story patches window.fetch.
const realFetch = globalThis.fetch.bind(globalThis);

let calls: MockCall[] = [];

/** The requests the current story's mock has received (for play functions to assert on). */
export function mockCalls(): readonly MockCall[] {
  return calls;
}

/** Storybook's own requests (the story index on hot reload, modules): never mocked. */
function isStorybookRequest(input: RequestInfo | URL): boolean {
  const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
  if (url.origin !== location.origin) return false;
  return /(^|\/)(index|project)\.json$/.test(url.pathname) || url.pathname.includes('/@') || url.pathname.includes('/node_modules/');
}

/**
 * Mocks every request a story makes with `parameters.mockApi` (routes for `mockApi` from
 * @council-kit/core/testing). Stories without routes still get a mock: anything unmatched
 * answers 404, so Storybook never reaches a live council API. Returns the cleanup.
 */
export function mockStoryApi(routes: MockRoutes = {}): () => void {
  const mock = mockApi(routes);
  calls = mock.calls;
  const mocked = globalThis.fetch;
  globalThis.fetch = (input, init) => (isStorybookRequest(input) ? realFetch(input, init) : mocked(input, init));
  return () => {
    mock.restore();
    globalThis.fetch = realFetch;
  };
}
