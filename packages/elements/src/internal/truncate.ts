import { css, html } from 'lit';

/** How many characters at the end of a name stay visible when the rest is cut short. */
const KEPT_END = 10;

/**
 * A name that, when it does not fit, loses its middle rather than its end ("accounts-de…-prod-eu",
 * not "accounts-de…"): names that share a beginning stay distinguishable. Its text is the whole name
 * (screen readers and `textContent` get it all) and so is its tooltip. Style with `truncateStyles`.
 */
export function middleTruncated(name: string) {
  const cut = name.length > KEPT_END * 2 ? name.length - KEPT_END : name.length;
  return html`<span class="truncate" title=${name}
    ><span class="truncate-start">${name.slice(0, cut)}</span
    ><span class="truncate-end">${name.slice(cut)}</span></span
  >`;
}

export const truncateStyles = css`
  .truncate {
    display: inline-flex;
    max-inline-size: 100%;
    min-inline-size: 0;
    white-space: nowrap;
  }
  .truncate-start {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .truncate-end {
    flex: none;
  }
`;
