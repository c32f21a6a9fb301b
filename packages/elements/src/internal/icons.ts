import { html, svg } from 'lit';

const icon = (body: ReturnType<typeof svg>) =>
  html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">${body}</svg>`;

/** A star, filled when on: the favourite. */
export const starIcon = (on: boolean) =>
  icon(
    svg`<path d="M10 2.2l2.4 4.9 5.4.8-3.9 3.8.9 5.4L10 14.6l-4.8 2.5.9-5.4L2.2 7.9l5.4-.8z" fill=${on ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/>`,
  );

export const closeIcon = () =>
  icon(
    svg`<path d="M5 5l10 10M15 5L5 15" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round"/>`,
  );

export const chevronIcon = () =>
  icon(
    svg`<path d="M6 8l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round"/>`,
  );

/** A circular arrow: Request again. */
export const requestAgainIcon = () =>
  icon(
    svg`<path d="M15.5 10a5.5 5.5 0 1 1-1.7-4" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round"/><path d="M14.5 2.5v3.8h-3.8" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round"/>`,
  );

/** A pencil: Edit and request again. */
export const editIcon = () =>
  icon(
    svg`<path d="M13.5 3.5l3 3-9 9H4.5v-3z" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linejoin="round"/><path d="M11.5 5.5l3 3" fill="none" stroke="currentColor" stroke-width="1.75"/>`,
  );
