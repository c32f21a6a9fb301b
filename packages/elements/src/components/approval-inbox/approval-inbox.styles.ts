import { css } from 'lit';
import { liveStatusStyles } from '../../internal/live-requests.js';
import { controls, surface, tokens } from '../../internal/styles.js';
import { dialogExtras } from '../../internal/dialog-styles.js';

const inbox = css`
  :host {
    display: grid;
    gap: var(--_space-3);
    align-content: start;
  }
  .count,
  .state {
    margin: 0;
    color: var(--_muted);
  }
  .state[role='alert'] {
    color: var(--_fg);
  }
  .empty:focus {
    outline: none;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
  }
  .item {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
  }
  h3 {
    margin: 0;
    font-size: var(--_font-title);
    overflow-wrap: anywhere;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--_space-2) var(--_space-4);
    margin: 0;
  }
  .facts dt {
    color: var(--_muted);
    font-size: var(--_font-small);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .approvals {
    margin: 0;
    padding-inline-start: 1.25em;
    color: var(--_muted);
    font-size: var(--_font-small);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .more {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
`;

export const approvalInboxStyles = [tokens, controls, surface, dialogExtras, liveStatusStyles, inbox];
