import { css } from 'lit';
import { CouncilElement } from '@council-kit/core';
import { formStyles } from '@council-kit/core/forms';

/**
 * `<council-bulky-waste>`'s styles: core's and the question pages' (`formStyles`), plus the
 * little its pages add: the quantity revealed under a ticked item (GOV.UK's conditional
 * reveal) and the week headings among the dates.
 */
export const styles = [
  ...CouncilElement.styles,
  formStyles,
  css`
    .conditional {
      margin-inline-start: 18px;
      padding-inline-start: 33px;
      border-inline-start: 4px solid var(--_council-border-colour);
    }

    .input.width-2 {
      max-inline-size: 5.5ex;
    }

    .week {
      margin-block: var(--_council-space-4) var(--_council-space-2);
      font-size: 1.1875rem;
      font-weight: 700;
    }
  `,
];
