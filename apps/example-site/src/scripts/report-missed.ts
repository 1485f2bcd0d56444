// "Report a missed bin": registers <council-missed-bin-report>. The bin-day page's "Report a
// missed collection" link adds `?service=<id>` (a service such as `refuse`, never a postcode or
// UPRN); the element does not read the URL itself, so the page passes it on. The property
// comes from the session, where the bin-day page remembered it.
// First, so it hears a draft restored while the element upgrades (see journey-in-page.ts).
import './journey-in-page.ts';
import '@council-kit/waste/missed-bin-report';

const service = new URLSearchParams(window.location.search).get('service') ?? '';
const report = document.querySelector('council-missed-bin-report');
// The element reads `service` once the property's collections have loaded, after this runs.
if (report && /^[a-z][a-z0-9-]{0,39}$/.test(service)) report.service = service;
