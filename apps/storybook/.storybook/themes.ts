/**
 * Council looks for the theme toolbar, made only of the public `--council-*` custom properties
 * (the tokens in packages/core/src/styles/tokens.ts). Each is applied to the story's wrapper,
 * exactly as a council would set them on any ancestor of an element.
 *
 * Every text pair here clears WCAG 2.2 AA (4.5:1), and every story is run under every look
 * with axe's colour-contrast rule (see vitest.config.ts):
 * - Anytown: text #1b1b1b, links and buttons #00666b on white 6.75:1, secondary text #4a5459
 *   7.77:1, error #b3261e 6.54:1, focus text on #ffbf47 10.5:1.
 * - High contrast: everything at least 7:1 (AAA): links #1a1aa6 12.05:1, error #a8071a 7.75:1.
 */
export type CouncilTokens = Partial<Record<`--council-${string}`, string>>;

export interface CouncilLook {
  title: string;
  tokens: CouncilTokens;
}

export const looks = {
  default: {
    title: 'Default (GOV.UK-like)',
    tokens: {},
  },
  anytown: {
    title: 'Anytown Borough Council (teal)',
    tokens: {
      '--council-font-family': "'Trebuchet MS', 'Segoe UI', Arial, sans-serif",
      '--council-font-size': '18px',
      '--council-text-colour': '#1b1b1b',
      '--council-secondary-text-colour': '#4a5459',
      '--council-background': '#fff',
      '--council-link-colour': '#00666b',
      '--council-link-hover-colour': '#003d40',
      '--council-brand-colour': '#00666b',
      '--council-focus-colour': '#ffbf47',
      '--council-focus-text-colour': '#1b1b1b',
      '--council-error-colour': '#b3261e',
      '--council-border-colour': '#9fb8b9',
      '--council-input-border-colour': '#1b1b1b',
      '--council-button-colour': '#00666b',
      '--council-button-text-colour': '#fff',
      '--council-button-shadow-colour': '#003d40',
      '--council-secondary-button-colour': '#e6f2f2',
      '--council-secondary-button-shadow-colour': '#7fa9ab',
      '--council-panel-colour': '#e6f2f2',
      '--council-radius': '6px',
    },
  },
  'high-contrast': {
    title: 'High contrast, large text',
    tokens: {
      '--council-font-size': '24px',
      '--council-line-height': '1.5',
      '--council-text-colour': '#000',
      '--council-secondary-text-colour': '#333',
      '--council-background': '#fff',
      '--council-link-colour': '#1a1aa6',
      '--council-link-hover-colour': '#000066',
      '--council-brand-colour': '#000',
      '--council-focus-colour': '#fd0',
      '--council-focus-text-colour': '#000',
      '--council-error-colour': '#a8071a',
      '--council-border-colour': '#000',
      '--council-input-border-colour': '#000',
      '--council-button-colour': '#000',
      '--council-button-text-colour': '#fff',
      '--council-button-shadow-colour': '#595959',
      '--council-secondary-button-colour': '#fff',
      '--council-secondary-button-shadow-colour': '#000',
      '--council-panel-colour': '#fff',
      '--council-radius': '0',
    },
  },
} satisfies Record<string, CouncilLook>;

export type LookName = keyof typeof looks;

/** The look's tokens as a `style` attribute value. */
export function lookStyle(name: string): string {
  const look = (looks as Record<string, CouncilLook>)[name] ?? looks.default;
  return Object.entries(look.tokens)
    .map(([prop, value]) => `${prop}: ${value}`)
    .join('; ');
}
