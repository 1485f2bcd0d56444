// What a resident does with <council-address-lookup>, for play functions. Every query runs
// inside the element's shadow root, by role and accessible name, as assistive technology sees it.
// Expected text comes from the element's catalogue in the story's language (see language.ts), so
// every play also passes with the Cymraeg toolbar (the Welsh story checks literal Welsh on its own).
import type { StoryContext } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { addressLookupStrings, type AddressLookup } from '@council-kit/address-lookup';
import { storyLanguage } from './language.ts';

/**
 * Types `text` over whatever a field holds. (user-event's `clear()` refuses fields inside a
 * shadow root: its focus check does not look through the host, so we select and type over.)
 */
export async function replaceText(field: HTMLInputElement, text: string): Promise<void> {
  await userEvent.type(field, text, { initialSelectionStart: 0, initialSelectionEnd: field.value.length });
}

export async function driveLookup({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const words = storyLanguage(globals, addressLookupStrings);
  const { t } = words;
  const host = await waitFor(() => {
    const el = canvasElement.querySelector<AddressLookup>('council-address-lookup');
    expect(el?.shadowRoot, 'the element upgraded and rendered').toBeTruthy();
    return el!;
  });
  await host.updateComplete;
  const root = host.shadowRoot!;
  const inside = within(root as unknown as HTMLElement);

  return {
    host,
    root,
    inside,
    // The story's language and the element's words in it: locale, t, tc, date, reworded.
    ...words,
    /** Types a postcode into the postcode field (replacing what is there) and presses Find address. */
    async findAddress(postcode: string) {
      const field = await inside.findByRole<HTMLInputElement>('textbox', { name: t('postcodeLabel') });
      await replaceText(field, postcode);
      await userEvent.click(inside.getByRole('button', { name: t('find') }));
    },
    /** Waits for a heading with `name` to be visible, and returns it. */
    async heading(name: string | RegExp, timeout = 3000) {
      return waitFor(
        () => {
          const heading = inside.getByRole('heading', { name });
          expect(heading).toBeVisible();
          return heading;
        },
        { timeout },
      );
    },
    /** The element currently focused inside the shadow root. */
    focused(): Element | null {
      return root.activeElement;
    },
  };
}
