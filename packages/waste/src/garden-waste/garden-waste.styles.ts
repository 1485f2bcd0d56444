import { CouncilElement } from '@council-kit/core';
import { formStyles } from '@council-kit/core/forms';

/**
 * `<council-garden-waste>`'s styles: core's and the question pages' (`formStyles`). It has none of
 * its own: every page it shows is a GOV.UK question page, check answers or confirmation, styled
 * once in core so every journey looks the same.
 */
export const styles = [...CouncilElement.styles, formStyles];
