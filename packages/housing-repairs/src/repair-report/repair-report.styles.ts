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

  .file:focus {
    outline: 3px solid var(--_council-focus-colour);
    box-shadow: inset 0 0 0 4px var(--_council-text-colour);
  }

  /* GOV.UK's file upload: the browser's control, its button drawn as a secondary button. */
  .file {
    max-inline-size: 100%;
    font: inherit;
    padding: var(--_council-space-1, 5px) 0;
  }

  .file::file-selector-button {
    font: inherit;
    color: var(--_council-text-colour);
    background: #f3f2f1;
    border: 0;
    box-shadow: 0 2px 0 #929191;
    padding: 8px 10px 7px;
    margin-inline-end: 10px;
    cursor: pointer;
  }

  .file:hover::file-selector-button {
    background: #dbdad9;
  }

  .photos .thumbnail {
    display: block;
    max-inline-size: 120px;
    max-block-size: 120px;
    border: 1px solid #b1b4b6;
    margin-block-end: var(--_council-space-1, 5px);
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
