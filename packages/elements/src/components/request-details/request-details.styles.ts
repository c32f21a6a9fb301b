import { css } from 'lit';
import { liveStatusStyles } from '../../internal/live-requests.js';
import { controls, createdList, surface, tokens } from '../../internal/styles.js';

const panel = css`
  :host {
    display: block;
  }
  .panel {
    display: grid;
    justify-items: stretch;
    gap: var(--_space-4);
    padding: var(--_space-4);
  }
  .placeholder {
    padding: var(--_space-4);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }
  .header {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .header h2 {
    flex: 1 1 12rem;
    margin: 0;
    font-size: var(--_font-title);
    overflow-wrap: anywhere;
  }
  .header h2:focus {
    outline: none;
  }
  .header h2:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  section {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
  }
  h3 {
    margin: 0;
    font-size: var(--_font-small);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  h4 {
    margin: 0;
    font-size: 1em;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
    font-size: var(--_font-small);
  }
  .pairs,
  .approvals,
  .timeline {
    margin: 0;
    padding-inline-start: var(--_space-4);
    display: grid;
    gap: var(--_space-1);
  }
  .resources {
    max-block-size: 16rem;
    overflow: auto;
    padding-inline-end: var(--_space-2);
  }
  #resources {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
    inline-size: 100%;
  }
  #resources[hidden] {
    display: none;
  }
  .resource {
    font-weight: var(--_font-weight-strong);
  }
  .permission {
    color: var(--_muted);
  }
  .path {
    display: block;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-1) var(--_space-4);
    margin: 0;
  }
  .facts div {
    display: contents;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .decision {
    font-weight: var(--_font-weight-strong);
  }
  .approval.rejected .decision {
    color: var(--_danger);
  }
  .rejection,
  .rejection {
    border-inline-start-color: var(--_danger);
  }
  .timeline {
    list-style: none;
    padding-inline-start: var(--_space-3);
    border-inline-start: 2px solid var(--_border);
  }
  .timeline time {
    color: var(--_muted);
    font-size: var(--_font-small);
    margin-inline-end: var(--_space-2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_border);
  }
  .actions .error-text {
    flex-basis: 100%;
  }
  .expiry {
    flex-basis: 100%;
    margin: 0;
  }
  .extension-pending {
    display: block;
    font-weight: var(--_font-weight-strong);
  }
  form {
    display: grid;
    gap: var(--_space-3);
  }
  form h2 {
    margin: 0;
  }
`;

export const requestDetailsStyles = [tokens, controls, surface, createdList, liveStatusStyles, panel];
