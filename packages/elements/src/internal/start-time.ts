// A scheduled start as it is shown everywhere: the time with the host's time zone offset, in <time>.
import { html } from 'lit';
import { formatZonedDateTime } from './format.js';

/** `<time datetime="2026-01-15T12:00:00Z">Jan 15, 2026, 1:00 PM GMT+1</time>`. */
export const startTime = (locale: string, iso: string) =>
  html`<time datetime=${iso}>${formatZonedDateTime(locale, iso)}</time>`;
