import { css } from 'lit';

/**
 * The design tokens. Councils restyle by setting the public `--council-*` properties on any
 * ancestor; each element reads them once, here, into private `--_council-*` properties with the
 * GOV.UK-like defaults, so the rest of the CSS never repeats a fallback.
 */
export const tokens = css`
  :host {
    --_council-font-family: var(--council-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_council-font-size: var(--council-font-size, 19px);
    --_council-line-height: var(--council-line-height, 1.3158);
    --_council-text-colour: var(--council-text-colour, #0b0c0c);
    --_council-secondary-text-colour: var(--council-secondary-text-colour, #505a5f);
    --_council-background: var(--council-background, #fff);
    --_council-link-colour: var(--council-link-colour, #1d70b8);
    --_council-link-hover-colour: var(--council-link-hover-colour, #003078);
    --_council-brand-colour: var(--council-brand-colour, #1d70b8);
    --_council-focus-colour: var(--council-focus-colour, #fd0);
    --_council-focus-text-colour: var(--council-focus-text-colour, #0b0c0c);
    --_council-error-colour: var(--council-error-colour, #d4351c);
    --_council-success-colour: var(--council-success-colour, #00703c);
    --_council-border-colour: var(--council-border-colour, #b1b4b6);
    --_council-input-border-colour: var(--council-input-border-colour, #0b0c0c);
    --_council-button-colour: var(--council-button-colour, #00703c);
    --_council-button-text-colour: var(--council-button-text-colour, #fff);
    --_council-button-shadow-colour: var(--council-button-shadow-colour, #002d18);
    --_council-secondary-button-colour: var(--council-secondary-button-colour, #f3f2f1);
    --_council-secondary-button-shadow-colour: var(--council-secondary-button-shadow-colour, #929191);
    --_council-panel-colour: var(--council-panel-colour, #f3f2f1);
    --_council-radius: var(--council-radius, 0);
    --_council-space-1: 5px;
    --_council-space-2: 10px;
    --_council-space-3: 15px;
    --_council-space-4: 20px;
    --_council-space-6: 30px;
  }

  /* GOV.UK drops body text to 16px on small screens; councils can still override the size. */
  @media (width <= 40.0525em) {
    :host {
      --_council-font-size: var(--council-font-size, 16px);
      --_council-line-height: var(--council-line-height, 1.25);
    }
  }
`;
