// "Book a bulky waste collection" and its manage page: registers <council-bulky-waste>. The
// items, prices and dates come from the council API (its catalogue and the crews' capacity).
// First, so it hears a draft restored while the element upgrades (see journey-in-page.ts).
import './journey-in-page.ts';
import '@council-kit/waste/bulky-waste';
