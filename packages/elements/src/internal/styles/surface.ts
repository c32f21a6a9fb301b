import { css } from 'lit';

/**
 * The card surface (a request card, an inbox item, an access item, the details panel): a bordered,
 * rounded block on the surface colour. Markup opts in with `class="surface"`.
 */
export const surface = css`
  .surface {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
`;
