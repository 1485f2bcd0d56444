let clicked = false;
let watching = false;

/**
 * Whether the page is sending a form now: true from a click anywhere in the page (a form's
 * button, or Enter in a field, which clicks it) to the end of that task. A form fires `invalid`
 * at its controls both when it is sent and when a script only asks `checkValidity()`; the lookup
 * shows its error for the first, never for the second.
 */
export function sending(): boolean {
  if (!watching) {
    watching = true;
    // Once per page, for every lookup, for the life of the page: nothing to remove.
    addEventListener('click', () => {
      clicked = true;
      setTimeout(() => (clicked = false));
    }, true);
  }
  return clicked;
}
