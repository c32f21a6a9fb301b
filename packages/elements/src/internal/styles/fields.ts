import { css } from 'lit';

/** Form fields: the label, the control, its hint, counter and error, "(optional)". */
export const fields = css`
  .field {
    display: grid;
    gap: var(--_space-1);
  }
  .field label {
    font-weight: var(--_font-weight-strong);
  }
  .field textarea,
  .field input {
    font: inherit;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-2);
  }
  .field [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .optional {
    color: var(--_muted);
    font-weight: normal;
  }
  .hint,
  .counter {
    color: var(--_muted);
    font-size: var(--_font-small);
  }
  .field-error,
  .error-text {
    color: var(--_danger);
    font-size: var(--_font-small);
    margin: 0;
  }
`;
