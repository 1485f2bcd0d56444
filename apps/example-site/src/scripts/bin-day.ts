// "Find your bin day": the page imports the element from npm, as a council's own build would.
// Registering it upgrades <council-bin-day>: its light-DOM fallback (a phone number and a link
// to the contact page, for residents without JavaScript) gives way to the address lookup and
// then the collections, in the page's language. The chosen property is remembered for the
// browser session only (sessionStorage, never the URL), so "Report a missed collection" opens
// the missed-bin page for the same property.
import '@council-kit/waste/bin-day';
import { introUntilProperty } from './bin-day-in-page.ts';

const binDay = document.querySelector('council-bin-day');
if (binDay) introUntilProperty(binDay);
