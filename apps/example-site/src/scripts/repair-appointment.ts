// "Manage a repair appointment": registers <council-repair-appointment> (find a repair by
// reference and postcode, move its appointment or cancel it).
// First, so it hears a draft restored while the element upgrades (see journey-in-page.ts).
import './journey-in-page.ts';
import '@council-kit/housing-repairs/repair-appointment';
