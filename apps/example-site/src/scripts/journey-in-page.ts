// A journey inside the page. Every Council Kit journey fires `council-step-change` as the
// resident moves from page to page (`detail: { step, index, first, done }`, never an answer).
// Past the first question, and on the confirmation, the page's introduction (what the service
// is, "What you need", the emergency box: everything marked `data-journey-intro`) has done its
// job, and on a phone it would push every question about 800px down. So the page hides it
// unless the journey is on its first page, and brings the journey to the top of the screen,
// where the element's Back link comes first; the element itself moves focus to the question's
// heading. Import this before the element's module: a draft restored on load fires during the
// element's upgrade, and the intro must stay hidden then too.
import type { ReactiveElement } from 'lit';
import type { StepChangeDetail } from '@council-kit/core';

const intro = document.querySelectorAll<HTMLElement>('[data-journey-intro]');

/** Shows the introduction only on the journey's first page. */
function placeIntro({ first }: StepChangeDetail): void {
  for (const part of intro) part.hidden = !first;
}

/** Journeys whose renders the page follows (one controller each), and those waiting to scroll. */
const followed = new WeakSet<ReactiveElement>();
const waiting = new WeakSet<ReactiveElement>();

/**
 * Brings the journey's top (its Back link, then the question) to the top of the screen once the
 * new page is drawn. Not at once: a page may first show a busy state while its data loads (the
 * missed bin report's collections), too short for the scroll to reach, so the page waits for
 * the render that shows the step's heading (`data-step-heading`, which the element has just
 * focused), through a Lit reactive controller on the element.
 */
function bringToTop(journey: ReactiveElement): void {
  // A draft restored on load fires before the element has drawn anything: the resident has not
  // moved, so neither does the page.
  if (!journey.hasUpdated) return;
  waiting.add(journey);
  if (followed.has(journey)) return;
  followed.add(journey);
  journey.addController({
    hostUpdated() {
      if (!waiting.has(journey) || !journey.renderRoot.querySelector('[data-step-heading]')) return;
      waiting.delete(journey);
      journey.scrollIntoView({ block: 'start' });
    },
  });
}

document.addEventListener('council-step-change', (event) => {
  placeIntro(event.detail);
  bringToTop(event.target as ReactiveElement);
});
