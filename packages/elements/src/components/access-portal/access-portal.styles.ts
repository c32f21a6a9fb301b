import { css } from 'lit';
import { controls, tokens } from '../../internal/styles.js';
import { skeletonStyles } from '../../internal/skeleton.js';

const portal = css`
  :host {
    display: grid;
    grid-template-rows: auto 1fr;
    gap: var(--_space-4);
    min-block-size: 0;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    border-block-end: 1px solid var(--_border);
  }
  .tab {
    padding-block: var(--_space-2);
    padding-inline: var(--_space-4);
    border: 0;
    border-block-end: 3px solid transparent;
    margin-block-end: -1px;
    background: none;
    color: var(--_muted);
    font: inherit;
    font-weight: var(--_font-weight-strong);
    cursor: pointer;
  }
  .tab:hover {
    color: var(--_fg);
  }
  .tab[aria-selected='true'] {
    color: var(--_accent);
    border-block-end-color: var(--_accent);
  }
  @media (forced-colors: active) {
    /* Colour and a coloured edge are all that mark the selected tab otherwise: forced colours drop both. */
    .tab {
      border-block-end-color: Canvas;
    }
    .tab[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-block-end-color: Highlight;
    }
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

export const accessPortalStyles = [tokens, controls, skeletonStyles, portal];
