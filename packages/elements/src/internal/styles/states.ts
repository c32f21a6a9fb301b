import { css } from 'lit';

/**
 * A list's or a step's state in place of its content (loading, empty, failed with Retry): a dashed
 * box; and the row under a list that says more is loading (or failed to).
 */
export const states = css`
  .state {
    display: grid;
    justify-items: start;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .more {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
`;
