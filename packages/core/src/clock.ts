/**
 * The one clock every Council Kit element reads. Nothing else in the browser packages reads the
 * wall clock, so a preview, a demo or a test moves a whole page to another day with one tag:
 *
 * ```html
 * <meta name="council-today" content="2026-11-25">            <!-- midday that day -->
 * <meta name="council-today" content="2026-11-25T22:00:00Z">  <!-- an exact moment -->
 * ```
 *
 * An element's own `today` attribute wins over the page's (see `CouncilElement.today`): pass it
 * as `today`. Read when an element asks (before its first fetch), never cached, so a page that
 * sets the tag before its elements connect is always honoured. The tag must hold a valid date.
 */
export function councilNow(today = pageToday()): Date {
  // A bare date means midday in London (12:00 or 13:00 local), safely inside that day.
  return today ? new Date(today.length < 11 ? `${today}T12:00Z` : today) : new Date();
}

// On a server (`@council-kit/ssr`) there is no page to read: the renderer passes `today` itself.
function pageToday(): string | undefined {
  return globalThis.document?.querySelector?.<HTMLMetaElement>('meta[name=council-today]')?.content;
}
