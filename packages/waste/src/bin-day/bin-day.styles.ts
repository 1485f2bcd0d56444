import { css } from 'lit';

export const styles = css`
  /* Rendered on a server: until the element is defined (no script, or not yet), "Change address"
     is a link to the page's own form; once defined, it is the element's button. */
  :host(:not(:defined)) .js-only,
  :host(:defined) .no-js-only {
    display: none;
  }

  /* The same box as the button it stands in for, so nothing moves when they swap. */
  .no-js-only {
    display: inline-block;
  }

  .services {
    display: grid;
    gap: var(--_council-space-4);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18em), 1fr));
    margin: 0 0 var(--_council-space-6);
    padding: 0;
    list-style: none;
  }

  .service {
    padding: var(--_council-space-3);
    border: 1px solid var(--_council-border-colour);
    border-block-start: 5px solid var(--_council-brand-colour);
  }

  .service h3 {
    margin-block-end: var(--_council-space-1);
  }

  .service p {
    margin-block-end: var(--_council-space-2);
  }

  .next {
    font-size: 1.263em;
    font-weight: 700;
  }

  .state {
    display: inline-block;
    padding: 2px 8px;
    background: var(--_council-panel-colour);
    font-weight: 700;
  }

  .state.not-collected {
    outline: 2px solid var(--_council-error-colour);
  }

  del {
    text-decoration-thickness: 2px;
  }

  ins {
    text-decoration: none;
    font-weight: 700;
  }

  details summary {
    color: var(--_council-link-colour);
    cursor: pointer;
    text-decoration: underline;
  }

  details summary:focus-visible {
    outline: 3px solid transparent;
    color: var(--_council-focus-text-colour);
    background: var(--_council-focus-colour);
    box-shadow: 0 4px var(--_council-focus-text-colour);
    text-decoration: none;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_council-space-2) var(--_council-space-4);
    margin-block-end: var(--_council-space-4);
  }
`;
