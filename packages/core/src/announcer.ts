/**
 * One polite live region for the whole page. Several regions (one per element) make screen
 * readers talk over each other; one region queues announcements in order.
 */
let timer: ReturnType<typeof setTimeout> | undefined;

// Found by attribute rather than kept in a variable, so two copies of core on one page (an npm
// bundle and the CDN build) still share one region.
function liveRegion(): HTMLElement {
  let region = document.querySelector<HTMLElement>('[data-council-announcer]');
  if (region) return region;
  region = document.createElement('div');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.dataset.councilAnnouncer = '';
  // Visually hidden but read aloud: the same technique as GOV.UK's govuk-visually-hidden.
  // Set through CSSOM (not a style attribute) so it holds under a strict style-src CSP.
  region.style.cssText =
    'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);border:0;white-space:nowrap';
  document.body.append(region);
  return region;
}

/**
 * Announces `message` politely. The region is emptied first and filled a moment later, so
 * the same message said twice (e.g. "No addresses found" after a second search) is read twice.
 */
export function announce(message: string): void {
  const target = liveRegion();
  target.textContent = '';
  clearTimeout(timer);
  timer = setTimeout(() => {
    target.textContent = message;
  }, 100);
}

/** The text currently in the live region (for tests). */
export function lastAnnouncement(): string {
  return document.querySelector('[data-council-announcer]')?.textContent ?? '';
}
