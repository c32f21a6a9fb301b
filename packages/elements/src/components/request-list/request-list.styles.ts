import { css } from 'lit';
import { skeletonStyles } from '../../internal/skeleton.js';
import { multiSelectStyles } from '../../internal/multi-select.js';
import { liveStatusStyles } from '../../internal/live-requests.js';
import { buttons, fields, states, surface, tokens } from '../../internal/styles.js';

const list = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--_space-3);
    block-size: var(--ar-request-list-block-size, 36rem);
    min-block-size: 12rem;
    position: relative;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }
  .count {
    margin-inline-start: auto;
    color: var(--_muted);
    font-size: var(--_font-small);
  }
  .scope {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .segment {
    position: relative;
    display: inline-flex;
  }
  .segment input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .segment span {
    padding-block: var(--_space-2);
    padding-inline: var(--_space-3);
    font-weight: var(--_font-weight-strong);
  }
  .segment + .segment span {
    border-inline-start: 1px solid var(--_border);
  }
  .segment input:checked + span {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .segment input:focus-visible + span {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: -4px;
  }
  .feed {
    flex: 1;
    min-block-size: 0;
    border-radius: var(--_radius);
  }
  /* The tab stop's card while the virtualizer does not render it: out of sight, at the top of the feed. */
  .pinned {
    inset-block-start: 0;
  }
  .card {
    box-sizing: border-box;
    inline-size: 100%;
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-4);
    cursor: pointer;
    /* The gap between cards: the virtualizer positions each child absolutely. */
    margin-block-end: var(--_space-2);
  }
  .card:hover {
    border-color: var(--_accent);
  }
  .card:focus-visible {
    outline-offset: -2px;
  }
  .card[aria-current='true'] {
    background: var(--_selected);
    border-color: var(--_accent);
  }
  @media (forced-colors: active) {
    .segment input:checked + span {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .card[aria-current='true'] {
      outline: 2px solid Highlight;
      outline-offset: -4px;
    }
    .card[aria-current='true']:focus-visible {
      outline-color: CanvasText;
    }
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    min-inline-size: 0;
  }
  .card-title {
    /* Below 10rem the badge and star wrap under the title instead of squeezing it until words break. */
    flex: 1 1 10rem;
    min-inline-size: 0;
    font-weight: var(--_font-weight-strong);
    overflow-wrap: break-word;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-4);
    margin: 0;
    color: var(--_muted);
    font-size: var(--_font-small);
  }
  .meta div {
    display: flex;
    gap: var(--_space-1);
  }
  .meta dt::after {
    content: ':';
  }
  .meta dd {
    margin: 0;
    color: var(--_fg);
  }
  .state p {
    margin: 0;
  }
  .state-title {
    font-weight: var(--_font-weight-strong);
  }
  .error {
    border-color: var(--_danger);
  }
  .card-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    color: var(--_danger);
  }
  .more {
    justify-content: center;
    color: var(--_muted);
  }
`;

export const requestListStyles = [
  tokens,
  buttons,
  fields,
  surface,
  multiSelectStyles,
  liveStatusStyles,
  skeletonStyles,
  states,
  list,
];
