import { css } from 'lit';

/** A busy indicator beside its text; it stays still for residents who ask for reduced motion. */
export const spinner = css`
  .busy {
    display: flex;
    align-items: center;
    gap: var(--_council-space-2);
    margin-block-end: var(--_council-space-4);
  }

  .spinner {
    flex: none;
    inline-size: 1.2em;
    block-size: 1.2em;
    border: 3px solid var(--_council-border-colour);
    border-block-start-color: var(--_council-text-colour);
    border-radius: 50%;
    animation: council-spin 0.9s linear infinite;
  }

  @keyframes council-spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-style: dotted;
    }
  }
`;
