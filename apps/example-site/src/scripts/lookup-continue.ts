// One primary action per screen. Until an address is chosen the lookup has green buttons of its
// own (Find address, Use this address) and dead ends (outside the area, no addresses found)
// where there is nothing to continue with, so the form's Continue is a secondary button until
// then, and the primary one once the lookup holds an address.
import type { AddressLookup } from '@council-kit/address-lookup';

/**
 * Keeps `button` secondary while `lookup` has no address, primary once it has. The lookup fires
 * `council-address-selected` when an address is chosen, but nothing when "Change" clears it or
 * the browser restores one (back/forward, autofill), so the page follows the lookup's `value`
 * after each of its renders instead (a Lit reactive controller: `hostUpdated`).
 */
export function followChoice(lookup: AddressLookup, button: HTMLElement): void {
  const follow = () => button.classList.toggle('button-secondary', !lookup.value);
  lookup.addController({ hostUpdated: follow });
  follow();
}
