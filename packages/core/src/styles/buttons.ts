import { css } from 'lit';

/**
 * GOV.UK-style buttons: `.button` (primary, green), `.button.secondary` (grey) and
 * `.button.warning` (red, for actions that destroy something, such as cancelling a booking;
 * it takes `--council-error-colour`). The same classes style an `<a>` that acts as a button.
 *
 * Each variant sets its colours once, in private properties, and every state reads them:
 * the text colour is set again on hover because the shared `a:hover` link colour is more
 * specific than `.button` and would otherwise turn a link-button's text navy on green (about
 * 2:1). Hover darkens only the background (as GOV.UK Frontend does), never the text.
 */
export const buttons = css`
  .button {
    --_council-bg: var(--_council-button-colour);
    --_council-fg: var(--_council-button-text-colour);
    --_council-shadow: var(--_council-button-shadow-colour);

    display: inline-block;
    position: relative;
    inline-size: auto;
    margin: 0 0 calc(var(--_council-space-4) + 2px);
    padding: 8px 10px 7px;
    border: 2px solid transparent;
    border-radius: var(--_council-radius);
    color: var(--_council-fg);
    background-color: var(--_council-bg);
    box-shadow: 0 2px 0 var(--_council-shadow);
    font: inherit;
    line-height: 1.1875;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    appearance: none;
    touch-action: manipulation;
  }

  .button.secondary {
    --_council-bg: var(--_council-secondary-button-colour);
    --_council-fg: var(--_council-text-colour);
    --_council-shadow: var(--_council-secondary-button-shadow-colour);
  }

  /* GOV.UK's warning button: its shadow is its colour at 40%, as the primary's is. */
  .button.warning {
    --_council-bg: var(--_council-error-colour);
    --_council-shadow: color-mix(in srgb, var(--_council-bg) 40%, #000);
  }

  .button:hover {
    color: var(--_council-fg);
    background-color: color-mix(in srgb, var(--_council-bg) 80%, #000);
  }

  .button:active {
    inset-block-start: 2px;
  }

  /* A press moves the button 2px down; this keeps its top edge clickable (as GOV.UK Frontend
     does), or a click that starts there ends on the form and is lost. */
  .button::before {
    content: '';
    position: absolute;
    inset: -2px -2px -4px;
  }

  .button:active::before {
    inset-block-start: -4px;
  }

  .button:focus-visible {
    border-color: var(--_council-focus-colour);
    outline: 3px solid transparent;
    color: var(--_council-focus-text-colour);
    background-color: var(--_council-focus-colour);
    box-shadow:
      inset 0 0 0 1px var(--_council-focus-colour),
      0 2px 0 var(--_council-focus-text-colour);
  }

  .button[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }

  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }

    .button:focus-visible {
      outline-color: Highlight;
    }
  }
`;
