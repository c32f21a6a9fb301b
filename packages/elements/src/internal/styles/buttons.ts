import { css } from 'lit';

/** Buttons and the icon button (the star among them), of every element that has any. */
export const buttons = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-1);
    min-block-size: 2.25rem;
    padding-block: var(--_space-1);
    padding-inline: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    font: inherit;
    font-weight: var(--_font-weight-strong);
    cursor: pointer;
  }
  a.button {
    text-decoration: none;
  }
  .button:hover {
    background: var(--_surface-alt);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.65;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .icon-button:hover {
    background: var(--_surface-alt);
    color: var(--_fg);
  }
  .icon-button svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .star[aria-pressed='true'] {
    color: var(--_star);
  }
`;
