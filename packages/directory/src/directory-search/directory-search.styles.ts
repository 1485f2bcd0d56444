import { css } from 'lit';

export const styles = css`
  /* Rendered on a server: until the element is defined (no script, or not yet), links to the
     same page stand in for the buttons that need it (pages, clear, try again). */
  :host(:not(:defined)) .js-only,
  :host(:not(:defined)) [part~='retry'],
  :host(:defined) .no-js-only {
    display: none;
  }

  /* A service's name: the spacing an h3 had, whatever level the page gives it. */
  .result [role='heading'] {
    margin-block: 0 var(--_council-space-4);
  }

  .near {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_council-space-4);
  }

  .select {
    display: block;
    block-size: 2.1em;
    padding: var(--_council-space-1);
    border: 2px solid var(--_council-input-border-colour);
    color: var(--_council-text-colour);
    background: var(--_council-background);
    font: inherit;
  }

  details {
    margin-block-end: var(--_council-space-4);
  }

  summary {
    color: var(--_council-link-colour);
    cursor: pointer;
    text-decoration: underline;
  }

  summary:focus-visible {
    outline: 3px solid transparent;
    color: var(--_council-focus-text-colour);
    background: var(--_council-focus-colour);
    box-shadow: 0 4px var(--_council-focus-text-colour);
  }

  .checkbox {
    display: flex;
    gap: var(--_council-space-2);
    align-items: flex-start;
    margin-block: var(--_council-space-2);
  }

  .checkbox input {
    flex: none;
    inline-size: 32px;
    block-size: 32px;
    margin: 0;
    accent-color: var(--_council-text-colour);
  }

  .checkbox input:focus-visible {
    outline: 3px solid var(--_council-focus-colour);
    outline-offset: 2px;
  }

  .results {
    margin: 0 0 var(--_council-space-6);
    padding: 0;
    list-style: none;
  }

  .numbered {
    padding-inline-start: var(--_council-space-6);
    list-style: decimal;
  }

  .map {
    block-size: 20rem;
    margin-block-end: var(--_council-space-6);
    border: 1px solid var(--_council-border-colour);
  }

  .result {
    padding-block: var(--_council-space-3);
    border-block-end: 1px solid var(--_council-border-colour);
  }

  .result p,
  .facts {
    margin-block-end: var(--_council-space-2);
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_council-space-4);
    padding: 0;
    list-style: none;
    color: var(--_council-secondary-text-colour);
  }

  .pagination {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_council-space-2) var(--_council-space-6);
    align-items: baseline;
  }

  @media (forced-colors: active) {
    .checkbox input:focus-visible {
      outline-color: Highlight;
    }
  }
`;
