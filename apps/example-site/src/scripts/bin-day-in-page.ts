// Bin day inside the page. Once the element has a property (the resident chose an address, or
// one was remembered this session), the page's introduction and "What you need" (a postcode)
// have done their job; "Change address" brings them back. Bin day is not a question journey
// and fires no `council-step-change`, and nothing when the address is changed, so the page
// follows the element's `uprn` after each of its renders (a Lit reactive controller).
import type { BinDay } from '@council-kit/waste';

/** Shows the parts marked `data-journey-intro` only while `binDay` has no property. */
export function introUntilProperty(binDay: BinDay): void {
  const intro = document.querySelectorAll<HTMLElement>('[data-journey-intro]');
  const follow = () => {
    for (const part of intro) part.hidden = !!binDay.uprn;
  };
  binDay.addController({ hostUpdated: follow });
  follow();
}
