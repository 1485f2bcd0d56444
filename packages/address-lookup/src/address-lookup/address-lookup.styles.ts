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

  /* Focus and error states come from the shared field styles. */
  .select {
    display: block;
    inline-size: 100%;
    max-inline-size: 40em;
    block-size: 2.1em;
    padding: var(--_council-space-1);
    border: 2px solid var(--_council-input-border-colour);
    color: var(--_council-text-colour);
    background-color: var(--_council-background);
    font: inherit;
  }
`;
