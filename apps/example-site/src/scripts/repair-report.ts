// "Report a repair": registers <council-repair-report>. The element loads the council's repairs
// catalogue from the API and the second half of its journey on demand (its own chunk).
// First, so it hears a draft restored while the element upgrades (see journey-in-page.ts).
import './journey-in-page.ts';
import '@council-kit/housing-repairs/repair-report';
