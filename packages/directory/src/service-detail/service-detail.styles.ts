import { css } from 'lit';

export const styles = css`
  /* The page's main heading (heading-level="1"): GOV.UK's large heading. */
  [aria-level='1'] {
    font-size: 1.895em;
    line-height: 1.1;
  }

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
