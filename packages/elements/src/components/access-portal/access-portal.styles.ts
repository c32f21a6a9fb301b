import { css } from 'lit';
import { buttons, tabs, tokens } from '../../internal/styles.js';
import { skeletonStyles } from '../../internal/skeleton.js';

const portal = css`
  :host {
    display: grid;
    grid-template-rows: auto 1fr;
    gap: var(--_space-4);
    min-block-size: 0;
  }
  .tabs {
    flex-wrap: wrap;
    --_tab-padding: var(--_space-4);
    --_tab-selected: var(--_accent);
  }
  .tab {
    margin-block-end: -1px;
  }
  .tab:not([aria-selected='true']):hover {
    color: var(--_fg);
  }
  .panel {
    min-block-size: 0;
    /* The portal sits in the host's layout: its panels follow their own width, not the viewport's. */
    container-type: inline-size;
  }
  .panel[hidden] {
    display: none;
  }
  .requests-layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(18rem, var(--ar-portal-details-inline-size, 26rem));
    gap: var(--_space-4);
    align-items: start;
  }
  .template-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-block-end: var(--_space-3);
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .template-error p {
    flex: 1 1 20rem;
    margin: 0;
  }
  request-details {
    position: sticky;
    inset-block-start: var(--_space-2);
  }
  @container (inline-size < 56rem) {
    .requests-layout {
      grid-template-columns: minmax(0, 1fr);
    }
    request-details {
      position: static;
    }
  }
`;

export const accessPortalStyles = [tokens, buttons, tabs, skeletonStyles, portal];
