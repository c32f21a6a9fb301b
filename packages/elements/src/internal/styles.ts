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

/** The list of the requests a submission created (the form's success view, Request again). */
export const createdList = css`
  .created {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .created li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
`;

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

/** Buttons, the icon button and form fields, shared by the list, the panel and their dialogs. */
export const controls = css`
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
  .field {
    display: grid;
    gap: var(--_space-1);
  }
  .field label {
    font-weight: var(--_font-weight-strong);
  }
  .field textarea,
  .field input {
    font: inherit;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-2);
  }
  .field [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint,
  .counter {
    color: var(--_muted);
    font-size: var(--_font-small);
  }
  .field-error,
  .error-text {
    color: var(--_danger);
    font-size: var(--_font-small);
    margin: 0;
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(32rem, calc(100vw - 2rem));
    max-inline-size: calc(100vw - 2rem);
    padding: var(--_space-4);
    overflow-wrap: break-word;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    box-shadow: var(--_shadow-overlay);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h2 {
    margin-block: 0 var(--_space-2);
    font-size: var(--_font-title);
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-2);
    margin-block-start: var(--_space-4);
  }
`;
