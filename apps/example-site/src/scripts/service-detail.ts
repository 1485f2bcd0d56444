// "Service details": one service from the directory, named by the page URL's `?id=` (the
// search results link here). "Back to results" returns to the search the resident came from,
// or to `back-url` when they arrived some other way.
//
// The element's heading is the page's h1 (`heading-level="1"`; the page's own h1, "Service
// details", is in the fallback for readers without JavaScript), and the service's name becomes
// the page title, as on GOV.UK, where the title names the thing shown.
import '@council-kit/directory/service-detail';
import type { ServiceShownDetail } from '@council-kit/directory';

const site = document.title.split(' – ').at(-1);
document.addEventListener('council-service-shown', (event) => {
  document.title = `${(event as CustomEvent<ServiceShownDetail>).detail.name} – ${site}`;
});
