import { css } from 'lit';

/** A modal dialog: its box, backdrop, title and actions. */
export const dialogs = css`
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
