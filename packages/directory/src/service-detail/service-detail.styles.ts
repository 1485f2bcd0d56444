import { css } from 'lit';

export const styles = css`
  dl {
    margin: 0;
  }

  dt {
    margin-block-start: var(--_council-space-4);
    font-weight: 700;
  }

  dd {
    margin: 0;
    white-space: pre-line;
  }
`;
