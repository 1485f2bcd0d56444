// Loaded only when a council turns the map on (`map` and `tile-url`): Leaflet and its CSS are a
// separate chunk, so residents of councils without a map never download them.
import { divIcon, latLngBounds, map as leafletMap, marker, tileLayer, type Map as LeafletMap } from 'leaflet/dist/leaflet-src.esm.js';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import type { DirectoryService } from '@council-kit/contracts';

/** One pin per result with coordinates, numbered as the list on this page is. */
export interface MapPin {
  number: number;
  lat: number;
  lng: number;
}

export function pinsFor(services: DirectoryService[]): MapPin[] {
  return services.flatMap((service, index) => {
    const location = service.locations.find((l) => l.lat !== undefined && l.lng !== undefined);
    return location ? [{ number: index + 1, lat: location.lat!, lng: location.lng! }] : [];
  });
}

// The pins' look travels with the map code, so pages without a map do not carry it.
const pinCss = `.pin{display:grid;place-items:center;border:2px solid var(--_council-background);border-radius:50%;color:var(--_council-button-text-colour);background:var(--_council-brand-colour);font-weight:700}@media (forced-colors:active){.pin{border-color:CanvasText}}`;

let sheet: CSSStyleSheet | undefined;

/** Leaflet's stylesheet, adopted into a shadow root (constructed sheets pass a strict CSP). */
export function adoptLeafletStyles(root: ShadowRoot): void {
  sheet ??= new CSSStyleSheet();
  if (!sheet.cssRules.length) sheet.replaceSync(leafletCss + pinCss);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

export interface ResultsMapOptions {
  tileUrl: string;
  /** Plain text; escaped, because Leaflet renders attribution as HTML. */
  attribution: string;
}

/**
 * Draws a pin for each result with coordinates on a map in `container`, which is in a shadow
 * root, replacing any earlier map. Pins are not interactive and hidden from assistive
 * technology: the numbered list is the accessible view. Nothing to pin, no map drawn.
 */
export function showMap(container: HTMLElement, services: DirectoryService[], { tileUrl, attribution }: ResultsMapOptions, previous?: { remove(): void }): LeafletMap | undefined {
  previous?.remove();
  const pins = pinsFor(services);
  if (!pins.length) return undefined;
  adoptLeafletStyles(container.getRootNode() as ShadowRoot);
  // No keyboard handler, zoom buttons or links: nothing in the map takes focus, so it can be
  // one labelled image to assistive technology while the list carries the information. Tiles
  // do not fade, zooms (a double click, a pinch) do not glide and a drag does not coast on for
  // residents who ask for reduced motion: Leaflet animates these in script, out of CSS's reach.
  const moving = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  const view = leafletMap(container, {
    scrollWheelZoom: false,
    keyboard: false,
    zoomControl: false,
    fadeAnimation: moving,
    zoomAnimation: moving,
    markerZoomAnimation: moving,
    inertia: moving,
  });
  view.attributionControl.setPrefix(false);
  const text = document.createElement('span');
  text.textContent = attribution;
  tileLayer(tileUrl, { attribution: text.innerHTML, maxZoom: 19 }).addTo(view);
  for (const pin of pins) {
    marker([pin.lat, pin.lng], {
      interactive: false,
      keyboard: false,
      icon: divIcon({ className: 'pin', html: String(pin.number), iconSize: [28, 28] }),
    }).addTo(view);
  }
  const bounds = latLngBounds(pins.map((p) => [p.lat, p.lng] as [number, number]));
  view.fitBounds(bounds.pad(0.2), { maxZoom: 15 });
  return view;
}
