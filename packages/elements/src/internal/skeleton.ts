// Placeholder blocks while something loads for the first time: the list's first page, a portal view.
import { css, html } from 'lit';

/** Three placeholder blocks, hidden from assistive technology (the caller says "Loading…"). */
export const skeleton = html`<div class="skeleton" part="skeleton" aria-hidden="true">
  ${[0, 1, 2].map(() => html`<div class="skeleton-card"><span></span><span></span></div>`)}
</div>`;

export const skeletonStyles = css`
  .skeleton {
    display: grid;
    gap: var(--_space-2);
    inline-size: 100%;
  }
  .skeleton-card {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .skeleton-card span {
    block-size: 0.8rem;
    border-radius: 0.25rem;
    background: var(--_border);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  .skeleton-card span + span {
    inline-size: 60%;
  }
  @keyframes pulse {
    from {
      opacity: 0.5;
    }
    to {
      opacity: 1;
    }
  }
`;
