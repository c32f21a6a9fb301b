import { css } from 'lit';

export const accessNotificationsStyles = css`
  :host {
    position: fixed;
    inset-block-end: var(--ar-toast-offset, 1rem);
    inset-inline-end: var(--ar-toast-offset, 1rem);
    z-index: var(--ar-toast-z-index, 1000);
    display: block;
    inline-size: min(24rem, calc(100vw - 2rem));
    pointer-events: none;
  }
  :host([data-corner~='top']) {
    inset-block-start: var(--ar-toast-offset, 1rem);
    inset-block-end: auto;
  }
  :host([data-corner~='start']) {
    inset-inline-start: var(--ar-toast-offset, 1rem);
    inset-inline-end: auto;
  }
  :host([placement='inline']) {
    position: static;
    inline-size: auto;
  }
  [part='region'] {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='toast'] {
    pointer-events: auto;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_space-1) var(--_space-2);
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_tone, var(--_border));
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow-popover);
  }
  [part~='toast'][hidden],
  :host([data-crowded]) [part~='toast'] {
    display: none;
  }
  [part='more'] {
    pointer-events: auto;
    display: block;
    margin-inline-start: auto;
    margin-block-end: var(--_space-2);
  }
  [part~='toast'][data-tone='positive'] {
    --_tone: var(--ar-status-positive-fg, light-dark(#11653a, #a6e9c0));
  }
  [part~='toast'][data-tone='negative'] {
    --_tone: var(--_danger);
  }
  [part~='toast'][data-tone='progress'],
  [part~='toast'][data-tone='attention'] {
    --_tone: var(--_accent);
  }
  .title {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    flex-wrap: wrap;
    margin: 0;
    font-weight: var(--_font-weight-strong);
  }
  .body {
    grid-column: 1 / -1;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .reason {
    color: var(--_muted);
  }
  .actions {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .group-list {
    grid-column: 1 / -1;
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
  .dismiss {
    align-self: start;
  }
`;
