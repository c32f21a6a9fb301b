import { css } from 'lit';

/**
 * Choosing what to request: By Resource (the query, the result rows, the review) and the Apps and Bundles
 * choices.
 */
export const choiceStyles = css`
  /* By Resource */
  .how {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    margin: 0;
    padding: 0;
    border: 0;
  }
  .how legend {
    float: inline-start;
    margin-inline-end: var(--_space-3);
    padding: 0;
    font-weight: var(--_font-weight-strong);
  }
  .segment {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding-block: var(--_space-1);
    padding-inline: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_selected);
    font-weight: var(--_font-weight-strong);
  }
  .by-resource,
  .picker {
    display: grid;
    gap: var(--_space-3);
    min-inline-size: 0;
  }
  .query {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-2);
  }
  .query .search {
    flex: 1 1 14rem;
  }
  .selection-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .count {
    font-weight: var(--_font-weight-strong);
    margin-inline-end: auto;
  }
  .review-title .count {
    color: var(--_muted);
    font-weight: normal;
    font-size: var(--_font-small);
  }
  .limit-message:empty {
    display: none;
  }
  .limit-message {
    color: var(--_fg);
    font-size: var(--_font-small);
  }
  .resources-layout {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(15rem, 2fr);
    gap: var(--_space-4);
    align-items: start;
  }
  @container (inline-size < 46rem) {
    .resources-layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .rows {
    block-size: var(--_list-size);
    /* A scrollbar that appears must not narrow the rows (their heights would change in a loop). */
    scrollbar-gutter: stable;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .row {
    box-sizing: border-box;
    inline-size: 100%;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
    /* One height for every row: the virtualiser's estimate holds, so it never measures in a loop. */
    block-size: 3.5rem;
    padding-block: 0;
    padding-inline: var(--_space-3);
    border-block-end: 1px solid var(--_border);
    background: var(--_surface);
  }
  .row[part~='result-selected'] {
    background: var(--_selected);
  }
  @media (forced-colors: active) {
    .row[part~='result-selected'] {
      outline: 2px solid Highlight;
      outline-offset: -3px;
    }
  }
  .review-list .row {
    grid-template-columns: minmax(0, 1fr) auto auto;
  }
  .row select {
    min-inline-size: 7.5rem;
  }
  .row input[type='checkbox'] {
    inline-size: 1.1rem;
    block-size: 1.1rem;
    margin: 0;
  }
  .row-text {
    display: grid;
    min-inline-size: 0;
  }
  .row-name,
  .row-path {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .row-name {
    font-weight: var(--_font-weight-strong);
  }
  .row-path {
    color: var(--_muted);
    font-size: var(--_font-small);
  }
  .row-error {
    grid-column: 1 / -1;
  }
  .review {
    display: grid;
    gap: var(--_space-2);
    min-inline-size: 0;
  }

  /* Apps and Bundles */
  .choices {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    border: 0;
  }
  .choices legend {
    padding: 0;
    margin-block-end: var(--_space-2);
    font-weight: var(--_font-weight-strong);
  }
  .choice {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .choice[part~='choice-selected'] {
    border-color: var(--_accent);
    background: var(--_selected);
  }
  @media (forced-colors: active) {
    .choice[part~='choice-selected'] {
      border-color: Highlight;
      outline: 1px solid Highlight;
    }
  }
  .choice-label {
    display: flex;
    gap: var(--_space-2);
    align-items: start;
    cursor: pointer;
  }
  .choice-text {
    display: grid;
  }
  .inline-field {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    font-weight: var(--_font-weight-strong);
  }
  .bundle-items {
    margin: 0;
    padding-inline-start: var(--_space-4);
    font-size: var(--_font-small);
  }
`;
