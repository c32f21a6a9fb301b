import { css } from 'lit';

/**
 * A tab strip (the portal's views, the form's ways to choose): `.tabs` of `.tab` buttons, the selected
 * one marked by its colour and a coloured edge (Highlight in forced colours). `--_tab-selected` (the
 * selected tab's colour, default the text's) and `--_tab-padding` (its inline padding) are set on
 * `.tabs` by a strip that differs.
 */
export const tabs = css`
  .tabs {
    display: flex;
    gap: var(--_space-1);
    border-block-end: 1px solid var(--_border);
  }
  .tab {
    padding-block: var(--_space-2);
    padding-inline: var(--_tab-padding, var(--_space-3));
    border: 0;
    border-block-end: 3px solid transparent;
    background: none;
    color: var(--_muted);
    font: inherit;
    font-weight: var(--_font-weight-strong);
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    color: var(--_tab-selected, var(--_fg));
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
`;
