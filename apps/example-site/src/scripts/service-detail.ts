// "Service details": one service from the directory, named by the page URL's `?id=` (the
// search results link here). "Back to results" returns to the search the resident came from,
// or to `back-url` when they arrived some other way.
//
// The element's heading is the page's h1 (`heading-level="1"`; the page's own h1, "Service
// details", is in the fallback for readers without JavaScript), and the service's name becomes
// the page title, as on GOV.UK, where the title names the thing shown.
//
// With `?id=` the server renders the page (no-js/directory.mjs): the element is in declarative
// shadow DOM with the service, which it takes over (hydrates) without asking the feed again. So
// Lit's hydrate support goes in first, and the element is defined only after it.
import type { ServiceShownDetail } from '@council-kit/directory';
import { hydrateServerRendered } from './hydrate.ts';

const site = document.title.split(' – ').at(-1);
document.addEventListener('council-service-shown', (event) => {
  document.title = `${(event as CustomEvent<ServiceShownDetail>).detail.name} – ${site}`;
});
hydrateServerRendered();
await import('@council-kit/directory/service-detail');
