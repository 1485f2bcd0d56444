import { css } from 'lit';

/**
 * Host reset and type scale. Typography is set on the shadow root's top-level children as well
 * as on :host, because a host page's own rules (`* { color: pink }`) beat :host rules but
 * cannot reach inside the shadow root. Font size and box sizing are `!important` on :host: an
 * important :host rule beats even a page's `* { font-size: 8px !important }`, so `em` sizes
 * (headings at the top of the shadow root) and inherited box sizing stay ours. Councils size
 * text with `--council-font-size`, as before.
 */
export const typography = css`
  :host {
    display: block;
    box-sizing: border-box !important;
    font-size: var(--_council-font-size) !important;
  }

  :host([hidden]) {
    display: none;
  }

  :host > *,
  :host {
    font-family: var(--_council-font-family);
    font-weight: 400;
    line-height: var(--_council-line-height);
    color: var(--_council-text-colour);
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  h2,
  h3,
  .heading-m,
  p,
  ul,
  ol,
  dl,
  fieldset,
  legend {
    margin-block: 0 var(--_council-space-4);
    max-inline-size: 100%;
  }

  /* Feed and API text can hold very long words; they wrap rather than widen the page (WCAG 1.4.10). */
  p,
  li,
  dd,
  dt,
  label,
  legend,
  h2,
  h3,
  [role='heading'] {
    overflow-wrap: anywhere;
  }

  h2,
  .heading-m {
    font-size: 1.263em;
    font-weight: 700;
    line-height: 1.25;
  }

  h3,
  .heading-s {
    font-size: 1em;
    font-weight: 700;
  }

  .secondary-text,
  .hint {
    color: var(--_council-secondary-text-colour);
  }

  strong {
    font-weight: 700;
  }

  ul.list {
    padding-inline-start: var(--_council-space-4);
  }

  a,
  .link {
    color: var(--_council-link-colour);
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625rem);
    text-underline-offset: 0.15em;
    cursor: pointer;
    font: inherit;
    background: none;
    border: 0;
    padding: 0;

    /* A link drawn as a <button> would otherwise centre its wrapped lines, as buttons do. */
    text-align: start;
  }

  /* A phone number is read and dialled as one: never split across lines. */
  [href^='tel:'] {
    white-space: nowrap;
  }

  a:hover,
  .link:hover {
    color: var(--_council-link-hover-colour);
    text-decoration-thickness: max(3px, 0.1875rem, 0.12em);
  }

  a:focus-visible,
  .link:focus-visible {
    outline: 3px solid transparent;
    color: var(--_council-focus-text-colour);
    background-color: var(--_council-focus-colour);
    box-shadow:
      0 -2px var(--_council-focus-colour),
      0 4px var(--_council-focus-text-colour);
    text-decoration: none;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }

  [tabindex='-1']:focus {
    outline: none;
  }
`;
