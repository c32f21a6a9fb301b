import { css } from 'lit';

/**
 * Design tokens every element reads: `--ar-…` custom properties a host may set, with light and dark
 * defaults (`light-dark()`, following the page's `color-scheme` or `--ar-color-scheme`).
 */
export const tokens = css`
  :host {
    /* Unset, the page's scheme (color-scheme inherits); --ar-color-scheme sets one for the elements. */
    color-scheme: var(--ar-color-scheme);
    --_fg: var(--ar-color-text, light-dark(#1d2024, #e6e8eb));
    --_muted: var(--ar-color-text-muted, light-dark(#545b65, #a9b0ba));
    --_surface: var(--ar-color-surface, light-dark(#ffffff, #1b1e23));
    --_surface-alt: var(--ar-color-surface-alt, light-dark(#f4f5f7, #242830));
    --_border: var(--ar-color-border, light-dark(#cfd4db, #3d444e));
    --_accent: var(--ar-color-accent, light-dark(#1f55c2, #92b4ff));
    --_on-accent: var(--ar-color-on-accent, light-dark(#ffffff, #0b1730));
    --_danger: var(--ar-color-danger, light-dark(#b42318, #ffa198));
    --_on-danger: var(--ar-color-on-danger, light-dark(#ffffff, #2b0703));
    --_focus: var(--ar-color-focus, light-dark(#1a56db, #a4c3ff));
    --_star: var(--ar-color-star, light-dark(#9a5b00, #f6c453));
    --_selected: var(--ar-color-selected, light-dark(#e8effd, #1d2c4a));
    --_radius: var(--ar-radius, 0.5rem);
    --_space-1: var(--ar-space-1, 0.25rem);
    --_space-2: var(--ar-space-2, 0.5rem);
    --_space-3: var(--ar-space-3, 0.75rem);
    --_space-4: var(--ar-space-4, 1rem);
    --_font-small: var(--ar-font-size-small, 0.8125rem);
    --_font-title: var(--ar-font-size-title, 1.0625rem);
    --_font-weight-strong: var(--ar-font-weight-strong, 600);
    --_shadow-popover: var(--ar-shadow-popover, 0 8px 24px rgb(0 0 0 / 0.18));
    --_shadow-overlay: var(--ar-shadow-overlay, 0 12px 32px rgb(0 0 0 / 0.25));
    --_focus-width: var(--ar-focus-ring-width, 2px);
    --_focus-offset: var(--ar-focus-ring-offset, 2px);
    color: var(--_fg);
    font: inherit;
    font-family: var(--ar-font-family, inherit);
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: var(--_focus-offset);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .retry-wait {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    color: var(--_muted);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
