import { css } from 'lit';
import { controls, createdList, states, tabs, tokens } from '../../internal/styles.js';
import { multiSelectStyles } from '../../internal/multi-select.js';
import { truncateStyles } from '../../internal/truncate.js';
import { choiceStyles } from './choice.styles.js';

const layout = css`
  :host {
    display: block;
    container-type: inline-size;
    --_list-size: var(--ar-form-list-block-size, 22rem);
  }
  p {
    margin: 0;
  }
  .prefill-notice {
    margin-block-end: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }
  .step {
    display: grid;
    gap: var(--_space-4);
  }
  .step-title {
    justify-self: start;
    margin: 0;
    font-size: var(--_font-title);
  }
  .step-title:focus {
    outline: none;
  }
  .step-title:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  h3 {
    margin: 0;
    font-size: 1rem;
  }
  select {
    font: inherit;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-1) var(--_space-2);
  }
  .field select {
    padding: var(--_space-2);
  }
  .field {
    align-content: start;
  }
  fieldset.start {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .start legend {
    padding: 0;
    font-weight: 600;
  }
  .start-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-2);
  }
  .start-part {
    display: grid;
    gap: var(--_space-1);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .state.error,
  .more.error {
    border-color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-2);
  }

  .panel {
    display: grid;
    gap: var(--_space-4);
  }
  .template,
  .template-panel {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
    margin-block-start: var(--_space-4);
  }

  /* Request on Behalf of */
  .combobox {
    max-inline-size: 28rem;
  }
  .combobox-box {
    position: relative;
  }
  .combobox input {
    box-sizing: border-box;
    inline-size: 100%;
  }
  .listbox {
    position: absolute;
    z-index: 4;
    inset-inline: 0;
    inset-block-start: calc(100% + var(--_space-1));
    max-block-size: 16rem;
    overflow: auto;
    margin: 0;
    padding: var(--_space-1);
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow-popover);
  }
  .listbox[hidden] {
    display: none;
  }
  .option {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-2);
    padding: var(--_space-2);
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  .option[aria-selected='true'] {
    background: var(--_selected);
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: -2px;
  }
  .option[data-current='true'] .option-name {
    font-weight: var(--_font-weight-strong);
  }
  @media (forced-colors: active) {
    .option[aria-selected='true'] {
      outline-color: Highlight;
    }
  }
  .option-detail {
    color: var(--_muted);
    font-size: var(--_font-small);
  }

  /* details */
  .summary dl {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    margin: 0;
  }
  .summary dt {
    color: var(--_muted);
    font-size: var(--_font-small);
  }
  .summary dd {
    margin: 0;
    font-weight: var(--_font-weight-strong);
  }
  .split {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .flows {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .flow {
    display: grid;
    align-content: start;
    gap: var(--_space-1);
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .flow-name {
    font-weight: var(--_font-weight-strong);
  }
  .flow-approval[data-approval='manual'] {
    color: var(--_accent);
    font-weight: var(--_font-weight-strong);
  }
  .flow-requirements {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_font-small);
  }
  .flow-requirements li {
    padding-inline: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .flow-items {
    color: var(--_muted);
    font-size: var(--_font-small);
    overflow-wrap: anywhere;
  }
  .fields {
    display: grid;
    gap: var(--_space-3);
    max-inline-size: 40rem;
  }
  .ticket-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space-3);
  }
  #duration {
    max-inline-size: 8rem;
  }
  .form-error {
    padding: var(--_space-3);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }
  .form-error[hidden] {
    display: none;
  }

  /* done */
  .done {
    display: grid;
    gap: var(--_space-3);
  }
  .created .created-request {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3);
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .notification {
    font-weight: var(--_font-weight-strong);
  }
  .done .actions {
    justify-content: flex-start;
  }
`;

export const accessRequestFormStyles = [
  tokens,
  controls,
  createdList,
  multiSelectStyles,
  tabs,
  states,
  layout,
  choiceStyles,
  truncateStyles,
];
