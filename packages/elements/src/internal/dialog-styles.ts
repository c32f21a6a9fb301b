import { css } from 'lit';

/** What the Access Details, Request again and decision dialogs add to the shared `controls`. */
export const dialogExtras = css`
  dialog {
    max-block-size: calc(100dvh - 2rem);
    overflow: auto;
  }
  dialog form,
  dialog {
    display: grid;
    /* One column as wide as the dialog: a long command or link scrolls or wraps inside it instead of
       widening the dialog past the viewport (and its Close button with it). */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
  }
  dialog:not([open]) {
    display: none;
  }
  dialog p {
    margin: 0;
  }
  .dialog-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
  }
  .dialog-header h2 {
    min-inline-size: 0;
    margin: 0;
  }
  .dialog-header .icon-button {
    flex: none;
  }
  .dialog-actions {
    margin-block-start: var(--_space-2);
  }
  .muted {
    color: var(--_muted);
    font-weight: normal;
  }
  .notice {
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 3px solid var(--_danger);
    background: var(--_surface-alt);
  }
  .instructions {
    overflow-wrap: anywhere;
  }
  .instructions :is(h1, h2, h3, h4) {
    font-size: 1em;
    margin-block: var(--_space-2) var(--_space-1);
  }
  .instructions :is(ol, ul) {
    padding-inline-start: 1.5em;
    margin-block: var(--_space-1);
  }
  .instructions a {
    color: var(--_accent);
  }
  pre {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    /* A long command wraps inside the dialog: a scrolling block would need a tab stop of its own. */
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
  .cli {
    display: grid;
    gap: var(--_space-1);
  }
  .cli-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    font-weight: var(--_font-weight-strong);
  }
  .countdown {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    font-weight: var(--_font-weight-strong);
  }
`;
