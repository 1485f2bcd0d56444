import { css } from 'lit';

/** The GOV.UK error summary: shown at the top of a question page when an answer needs fixing. */
export const errorSummary = css`
  .error-summary {
    margin-block-end: var(--_council-space-6);
    padding: var(--_council-space-3);
    border: 5px solid var(--_council-error-colour);
  }

  .error-summary:focus {
    outline: 3px solid var(--_council-focus-colour);
    outline-offset: 0;
  }

  .error-summary h2 {
    margin-block-end: var(--_council-space-3);
  }

  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .error-summary .link {
    color: var(--_council-error-colour);
    font-weight: 700;
  }

  .error-summary .link:focus-visible {
    color: var(--_council-focus-text-colour);
  }
`;
