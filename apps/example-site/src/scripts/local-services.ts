// "Find local services": the page imports the directory search from npm, as a council's own
// build would. Registering it upgrades <council-directory-search>: its light-DOM fallback (a
// plain GET search form, answered by the server for residents without JavaScript:
// no-js/directory.mjs) gives way to the search form over the council's Open Referral UK feed
// (`api-base`, from VITE_ORUK_BASE). The search, except the postcode, is kept in the page URL, so
// Back, Forward and shared links work; each result links to /local-services/service/?id=…
// A page the server rendered (a search's results) has the element in declarative shadow DOM
// with its answer: the element takes that over (hydrates) instead of searching again. So Lit's
// hydrate support goes in first, and the element is defined only after it (hence the import()).
import { hydrateServerRendered } from './hydrate.ts';

hydrateServerRendered();
await import('@council-kit/directory/directory-search');
