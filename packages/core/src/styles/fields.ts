import { css } from 'lit';

/** Form groups, labels, hints, text inputs (and the focus/error states a select shares) and inline error messages. */
export const fields = css`
  .form-group {
    margin-block-end: var(--_council-space-6);
  }

  .form-group.error {
    padding-inline-start: var(--_council-space-3);
    border-inline-start: 5px solid var(--_council-error-colour);
  }

  fieldset {
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .label,
  legend {
    display: block;
    margin-block-end: var(--_council-space-1);
  }

  legend.heading-m {
    margin-block-end: var(--_council-space-3);
  }

  .hint {
    display: block;
    margin-block-end: var(--_council-space-3);
  }

  .error-message {
    display: block;
    margin-block: 0 var(--_council-space-3);
    color: var(--_council-error-colour);
    font-weight: 700;
  }

  .input {
    display: block;
    inline-size: 100%;
    max-inline-size: 100%;
    block-size: 2.1em;
    margin: 0;
    padding: var(--_council-space-1);
    border: 2px solid var(--_council-input-border-colour);
    border-radius: 0;
    color: var(--_council-text-colour);
    background-color: var(--_council-background);
    font: inherit;
    appearance: none;
  }

  .input.width-10 {
    max-inline-size: 11.5ex;
  }

  .input.width-20 {
    max-inline-size: 20.5ex;
  }

  .input:focus,
  .select:focus {
    outline: 3px solid var(--_council-focus-colour);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_council-input-border-colour);
  }

  .input.error,
  .select.error {
    border-color: var(--_council-error-colour);
  }

  .input.error:focus {
    border-color: var(--_council-input-border-colour);
  }

  @media (forced-colors: active) {
    .input:focus,
    .select:focus {
      outline-color: Highlight;
    }
  }
`;
