import { css } from 'lit';

/** Summary list, confirmation panel and back link, for elements with question pages. */
export const formStyles = css`
  .summary-list {
    margin: 0 0 var(--_council-space-6);
  }

  .summary-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_council-space-1) var(--_council-space-4);
    padding-block: var(--_council-space-2);
    border-block-end: 1px solid var(--_council-border-colour);
  }

  /* Keys never grow, so values line up in one column whether or not a row has a Change link. */
  .summary-row dt {
    flex: 0 1 30%;
    min-inline-size: 8em;
    font-weight: 700;
  }

  .summary-row dd {
    margin: 0;
  }

  .summary-value {
    flex: 1 1 14em;
    white-space: pre-line;
  }

  .summary-action {
    flex: 0 0 auto;
  }

  .panel {
    margin-block-end: var(--_council-space-4);
    padding: var(--_council-space-6) var(--_council-space-4);
    border: 5px solid transparent;
    color: var(--_council-button-text-colour);
    background: var(--_council-success-colour);
    text-align: center;
  }

  .panel-title {
    margin-block-end: var(--_council-space-3);
    font-size: 1.6em;
    font-weight: 700;
    line-height: 1.1;
  }

  .panel-body {
    font-size: 1.263em;
    overflow-wrap: anywhere;
  }

  .back-link {
    display: inline-block;
    position: relative;
    margin-block: var(--_council-space-3) var(--_council-space-4);
    padding-inline-start: 14px;
    color: var(--_council-text-colour);
  }

  .back-link::before {
    content: '';
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: 3px;
    inline-size: 7px;
    block-size: 7px;
    border: solid currentcolor;
    border-width: 1px 0 0 1px;
    transform: translateY(-50%) rotate(-45deg);
  }

  .radios {
    display: flex;
    flex-direction: column;
    gap: var(--_council-space-2);
  }

  /* The hint sits under the label, outside it, so it is read once (as the description). */
  .radio {
    display: grid;
    grid-template-columns: 40px 1fr;
    gap: 0 var(--_council-space-2);
    align-items: start;
    position: relative;
  }

  .radio input {
    inline-size: 40px;
    block-size: 40px;
    margin: 0;
    accent-color: var(--_council-text-colour);
    cursor: pointer;
  }

  .radio input:focus-visible {
    outline: 3px solid var(--_council-focus-colour);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_council-text-colour);
  }

  .radio label {
    padding-block: 7px;
    cursor: pointer;
    touch-action: manipulation;
  }

  .radio .hint {
    grid-column: 2;
    margin: 0;
  }

  @media (forced-colors: active) {
    .panel {
      border-color: CanvasText;
    }

    .radio input:focus-visible {
      outline-color: Highlight;
    }
  }
`;
