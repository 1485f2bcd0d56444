import { tokens } from './tokens.js';
import { typography } from './typography.js';
import { buttons } from './buttons.js';
import { fields } from './fields.js';
import { errorSummary } from './error-summary.js';
import { notices } from './notices.js';
import { spinner } from './spinner.js';

export { tokens, typography, buttons, fields, errorSummary, notices, spinner };

/** Every shared style, in cascade order. `CouncilElement.styles` is this list. */
export const sharedStyles = [tokens, typography, buttons, fields, errorSummary, notices, spinner];
