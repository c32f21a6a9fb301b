import { css } from 'lit';

export const statusBadgeStyles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
    --_bg: var(--ar-status-neutral-bg, light-dark(#eef0f3, #2b2f36));
    --_fg: var(--ar-status-neutral-fg, light-dark(#3a3f47, #d7dbe1));
    color-scheme: var(--ar-color-scheme);
  }
  :host([tone='attention']) {
    --_bg: var(--ar-status-attention-bg, light-dark(#fff4d6, #4a3b0c));
    --_fg: var(--ar-status-attention-fg, light-dark(#6b4e00, #ffdf8a));
  }
  :host([tone='progress']) {
    --_bg: var(--ar-status-progress-bg, light-dark(#e3edff, #17305c));
    --_fg: var(--ar-status-progress-fg, light-dark(#1d4ba8, #b8d0ff));
  }
  :host([tone='positive']) {
    --_bg: var(--ar-status-positive-bg, light-dark(#ddf5e4, #12432a));
    --_fg: var(--ar-status-positive-fg, light-dark(#11653a, #a6e9c0));
  }
  :host([tone='negative']) {
    --_bg: var(--ar-status-negative-bg, light-dark(#fde4e4, #5a1a1a));
    --_fg: var(--ar-status-negative-fg, light-dark(#a01d1d, #ffc1c1));
  }
  [part='base'] {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding-block: 0.15em;
    padding-inline: 0.5em 0.6em;
    border-radius: var(--ar-radius-pill, 999px);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-size: var(--ar-status-font-size, 0.8125rem);
    font-weight: 600;
    line-height: 1.4;
    white-space: nowrap;
  }
  [part='icon'] {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }
  @media (forced-colors: active) {
    [part='base'] {
      border: 1px solid CanvasText;
    }
  }
`;

export const tooltipStyles = css`
  .has-tip {
    cursor: help;
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
  }
  .has-tip:focus-visible {
    outline: var(--ar-focus-ring-width, 2px) solid var(--ar-color-focus, light-dark(#1a56db, #a4c3ff));
    outline-offset: var(--ar-focus-ring-offset, 2px);
  }
  [part='tooltip'] {
    position: fixed;
    inset: auto;
    margin: 0;
    max-inline-size: min(22rem, calc(100vw - 2rem));
    padding: 0.5rem 0.65rem;
    border: 1px solid var(--ar-color-border, light-dark(#cfd4db, #3d444e));
    border-radius: var(--ar-radius, 0.5rem);
    background: var(--ar-tooltip-bg, light-dark(#1d2024, #f1f3f5));
    color: var(--ar-tooltip-fg, light-dark(#f1f3f5, #1d2024));
    font-size: 0.8125rem;
    line-height: 1.4;
    white-space: normal;
  }
  @media (forced-colors: active) {
    [part='tooltip'] {
      border-color: CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
  [part='tooltip'] .meaning {
    display: block;
    margin-block-end: 0.25rem;
  }
`;
