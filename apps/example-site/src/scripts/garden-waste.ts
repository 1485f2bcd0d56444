// "Garden waste collections": registers <council-garden-waste>. The council API gives the
// property's subscription, Anytown's terms and every price; the page adds nothing of its own.
// First, so it hears a draft restored while the element upgrades (see journey-in-page.ts).
import './journey-in-page.ts';
import '@council-kit/waste/garden-waste';
