// "Find your bin day": the page imports the element from npm, as a council's own build would.
// Registering it upgrades <council-bin-day>: its light-DOM fallback (the no-JavaScript postcode
// form, answered by the server: no-js/bin-day.mjs) gives way to the address lookup and then the
// collections, in the page's language. The chosen property is remembered for the
// browser session only (sessionStorage, never the URL), so "Report a missed collection" opens
// the missed-bin page for the same property.
// A page the server rendered (the no-JavaScript journey's collections, `no-js/bin-day.mjs`) has
// <council-bin-day> in declarative shadow DOM with its data: the element takes that over
// (hydrates) instead of rendering and fetching again. So Lit's hydrate support goes in first,
// and the element is defined only after it (hence the import() below).
import { hydrateServerRendered } from './hydrate.ts';
import { introUntilProperty } from './bin-day-in-page.ts';

hydrateServerRendered();
await import('@council-kit/waste/bin-day');

const binDay = document.querySelector('council-bin-day');
if (binDay) introUntilProperty(binDay);
