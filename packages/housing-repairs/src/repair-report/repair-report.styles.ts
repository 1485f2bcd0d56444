import { css } from 'lit';

export const styles = css`
  .textarea {
    block-size: auto;
    min-block-size: 6em;
    resize: vertical;
  }

  .count {
    margin-block: var(--_council-space-1) 0;
  }

  .phone {
    font-size: 1.263em;
    font-weight: 700;
  }

  .file {
    max-inline-size: 100%;
    padding: var(--_council-space-1);
    font: inherit;
  }

  .file:focus {
    outline: 3px solid var(--_council-focus-colour);
    box-shadow: inset 0 0 0 4px var(--_council-text-colour);
  }

  .photos li,
  .reported li {
    margin-block-end: var(--_council-space-2);
  }

  .day {
    margin-block-end: var(--_council-space-4);
  }

  @media (forced-colors: active) {
    .file:focus {
      outline-color: Highlight;
    }
  }
`;
