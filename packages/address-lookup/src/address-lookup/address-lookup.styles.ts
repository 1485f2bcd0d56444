import { css } from 'lit';

export const styles = css`
  .summary-list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_council-space-2) var(--_council-space-4);
    align-items: baseline;
    justify-content: space-between;
    margin-block-end: var(--_council-space-4);
    padding-block-end: var(--_council-space-2);
    border-block-end: 1px solid var(--_council-border-colour);
  }

  .summary-list p {
    margin: 0;
  }

  .address-lines {
    white-space: pre-line;
  }

  /* The list is drawn as a text input (core's .input, with its focus and error states), with
     the browser's own arrow back and room for long addresses. */
  .select {
    max-inline-size: 40em;
    appearance: auto;
  }
`;
