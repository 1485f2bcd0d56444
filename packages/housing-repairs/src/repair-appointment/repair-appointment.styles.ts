import { css } from 'lit';

export const styles = css`
  .status {
    display: inline-block;
    padding: 2px 8px;
    outline: 2px solid transparent;
    background: var(--_council-panel-colour);
  }
`;
