import { css } from 'lit';

/** GOV.UK-style buttons: `.button` and `.button.secondary`. */
export const buttons = css`
  .button {
    display: inline-block;
    position: relative;
    inline-size: auto;
    margin: 0 0 calc(var(--_council-space-4) + 2px);
    padding: 8px 10px 7px;
    border: 2px solid transparent;
    border-radius: var(--_council-radius);
    color: var(--_council-button-text-colour);
    background-color: var(--_council-button-colour);
    box-shadow: 0 2px 0 var(--_council-button-shadow-colour);
    font: inherit;
    line-height: 1.1875;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    appearance: none;
    touch-action: manipulation;
  }

  .button.secondary {
    color: var(--_council-text-colour);
    background-color: var(--_council-secondary-button-colour);
    box-shadow: 0 2px 0 var(--_council-secondary-button-shadow-colour);
  }

  .button:hover {
    filter: brightness(0.85);
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
    filter: none;
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
