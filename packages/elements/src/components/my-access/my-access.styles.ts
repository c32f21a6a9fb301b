import { css } from 'lit';
import { liveStatusStyles } from '../../internal/live-requests.js';
import { controls, createdList, surface, tokens } from '../../internal/styles.js';
import { dialogExtras } from '../../internal/dialog-styles.js';
import { skeletonStyles } from '../../internal/skeleton.js';

const page = css`
  :host {
    display: grid;
    gap: var(--_space-4);
  }
  .section {
    display: grid;
    gap: var(--_space-2);
    container-type: inline-size;
  }
  h2 {
    margin: 0;
    font-size: var(--_font-title);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .item {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto auto;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    padding: var(--_space-3);
  }
  .item-main {
    display: grid;
    gap: var(--_space-1);
    min-inline-size: 0;
  }
  .item-title {
    font-weight: var(--_font-weight-strong);
    overflow-wrap: anywhere;
  }
  .item-meta {
    color: var(--_muted);
    font-size: var(--_font-small);
  }
  .extension-pending {
    display: block;
    color: var(--_fg);
  }
  .empty,
  .state {
    margin: 0;
    color: var(--_muted);
  }
  .state[role='alert'] {
    color: var(--_fg);
  }
  .no-action {
    inline-size: 2.25rem;
  }
  .item-actions {
    display: inline-flex;
    gap: var(--_space-1);
  }
  .item.template-item {
    grid-template-columns: minmax(0, 1fr) auto;
  }
  .template-actions {
    flex-wrap: wrap;
    justify-content: flex-end;
  }
  .link-field {
    inline-size: 100%;
  }
  .more {
    display: flex;
    justify-content: center;
  }
  @container (inline-size < 30rem) {
    .item.template-item {
      grid-template-columns: minmax(0, 1fr);
    }
    .template-actions {
      justify-content: flex-start;
    }
    .item {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .item status-badge {
      grid-row: 2;
    }
  }
`;

export const myAccessStyles = [
  tokens,
  controls,
  surface,
  createdList,
  dialogExtras,
  liveStatusStyles,
  skeletonStyles,
  page,
];
