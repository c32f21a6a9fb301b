import { css } from 'lit';

export const statusBadgeStyles = css`
  :host {
    display: inline-flex;
    vertical-align: middle;
    --_bg: var(--ar-status-neutral-bg, light-dark(#eef0f3, #2b2f36));
    --_fg: var(--ar-status-neutral-fg, light-dark(#3a3f47, #d7dbe1));
    color-scheme: light dark;
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
