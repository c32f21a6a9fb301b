// The scope of <request-list>: a two-option toggle (radio buttons, so arrow keys move between them).
import { html } from 'lit';
import { msg } from '../../internal/locale.js';

export type Scope = 'mine' | 'on_behalf';

export function renderScope(scope: Scope, onScope: (scope: Scope) => void) {
  const option = (value: Scope, text: string) =>
    html`<label class="segment">
      <input
        type="radio"
        name="scope"
        .value=${value}
        .checked=${scope === value}
        @change=${() => onScope(value)}
      /><span>${text}</span>
    </label>`;
  return html`<div part="scope" class="scope" role="radiogroup" aria-label=${msg('Requests to show')}>
    ${option('mine', msg('My requests'))} ${option('on_behalf', msg('On behalf of others'))}
  </div>`;
}
