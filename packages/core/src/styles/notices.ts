import { css } from 'lit';

/** Inset text, warning text and the problem panel elements show when a request fails. */
export const notices = css`
  .inset {
    margin-block: var(--_council-space-4);
    padding: var(--_council-space-3);
    border-inline-start: 10px solid var(--_council-border-colour);
  }

  /* Not a warning button (buttons.ts), which shares the class name with GOV.UK's. */
  .warning:not(.button) {
    display: flex;
    gap: var(--_council-space-3);
    align-items: flex-start;
    margin-block-end: var(--_council-space-4);
    font-weight: 700;
  }

  .warning-icon {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: 35px;
    block-size: 35px;
    border: 3px solid var(--_council-text-colour);
    border-radius: 50%;
    color: var(--_council-background);
    background: var(--_council-text-colour);
    font-size: 30px;
    line-height: 1;
    forced-color-adjust: none;
  }

  .problem {
    margin-block-end: var(--_council-space-4);
    padding: var(--_council-space-3);
    border-inline-start: 5px solid var(--_council-error-colour);
    background: var(--_council-background);
  }

  .problem h2 {
    margin-block-end: var(--_council-space-2);
  }

  @media (forced-colors: active) {
    .warning-icon {
      border-color: CanvasText;
      color: Canvas;
      background: CanvasText;
    }
  }
`;
