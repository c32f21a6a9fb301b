// The Apps and Bundles tabs: choose an app and one of its permissions, or a bundle (its items shown).
// Each is a native radio group: one tab stop, arrow keys move the choice.
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { msg, str } from '../../internal/locale.js';
import type { AccessClient } from '@access-requests/sdk';
import { renderRetry } from '../../internal/retry.js';
import { LatestTask } from '../../internal/latest-task.js';
import { formatNumber } from '../../internal/format.js';
import type { App, Bundle, Draft } from './draft.js';

type Kind = 'apps' | 'bundles';

interface Loaded<T> {
  items: readonly T[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
}

export interface ChoiceView {
  readonly locale: string;
  readonly draft: Draft;
  readonly onApp: (app: App, permissionId: string) => void;
  readonly onBundle: (bundle: Bundle) => void;
  /** Where an error about the app or bundle goes (already rendered), and the id it has. */
  readonly error: unknown;
  readonly errorId: string | undefined;
}

export class CatalogChoice implements ReactiveController {
  readonly #lists: { apps: Loaded<App>; bundles: Loaded<Bundle> } = {
    apps: { items: [], status: 'idle', error: undefined },
    bundles: { items: [], status: 'idle', error: undefined },
  };
  readonly #calls: { apps: LatestTask; bundles: LatestTask };
  #client: AccessClient | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly client: () => AccessClient | undefined,
  ) {
    host.addController(this);
    this.#calls = { apps: new LatestTask(host), bundles: new LatestTask(host) };
  }

  hostDisconnected(): void {
    this.#calls.apps.cancel();
    this.#calls.bundles.cancel();
    this.#client = undefined;
  }

  /** Loads the list of a tab once per client (and again after an error, on Retry). */
  ensure(kind: Kind, force = false): void {
    const client = this.client();
    if (!client) return;
    if (client !== this.#client) {
      this.#client = client;
      this.#lists.apps.status = 'idle';
      this.#lists.bundles.status = 'idle';
    }
    if (kind === 'apps')
      this.#load(this.#lists.apps, this.#calls.apps, force, (signal) =>
        client.apps().pages({ limit: 100, signal }),
      );
    else
      this.#load(this.#lists.bundles, this.#calls.bundles, force, (signal) =>
        client.bundles().pages({ limit: 100, signal }),
      );
  }

  #load<T>(
    list: Loaded<T>,
    call: LatestTask,
    force: boolean,
    pages: (signal: AbortSignal) => AsyncGenerator<{ items: T[] }>,
  ): void {
    if (!force && list.status !== 'idle') return;
    list.status = 'loading';
    call.start(
      async (signal) => {
        const items: T[] = [];
        for await (const page of pages(signal)) items.push(...page.items);
        return items;
      },
      (outcome) => {
        list.status = outcome.ok ? 'ready' : 'error';
        if (outcome.ok) list.items = outcome.value;
        else list.error = outcome.error;
        this.host.requestUpdate();
      },
    );
  }

  #state(kind: Kind) {
    const list = this.#lists[kind];
    if (list.status === 'error') {
      return renderRetry({
        message: kind === 'apps' ? msg('Apps could not be loaded.') : msg('Bundles could not be loaded.'),
        error: list.error,
        onRetry: () => this.ensure(kind, true),
        part: 'choice-error',
        primary: true,
      });
    }
    if (list.status !== 'ready') return html`<p class="hint" role="status">${msg('Loading…')}</p>`;
    if (list.items.length === 0)
      return html`<p class="state">
        ${kind === 'apps' ? msg('There are no apps you can request.') : msg('There are no bundles you can request.')}
      </p>`;
    return undefined;
  }

  renderApps(view: ChoiceView) {
    const chosen = view.draft.app;
    return html`<fieldset class="choices" part="apps" aria-describedby=${view.errorId ?? nothing}>
        <legend>${msg('Apps')}</legend>
        ${
          this.#state('apps') ??
          this.#lists.apps.items.map(
            (app) =>
              html`<div
                class="choice"
                part=${chosen?.app.id === app.id ? 'choice choice-selected' : 'choice'}
              >
                <label class="choice-label">
                  <input
                    type="radio"
                    name="app"
                    .value=${app.id}
                    .checked=${chosen?.app.id === app.id}
                    @change=${() => view.onApp(app, chosen?.app.id === app.id ? chosen.permissionId : (app.permissions[0]?.id ?? ''))}
                  />
                  <span class="choice-text"
                    ><span class="row-name">${app.name}</span
                    ><span class="row-path">${app.description}</span></span
                  >
                </label>
                ${
                  chosen?.app.id === app.id
                    ? html`<label class="inline-field"
                        >${msg('Permission')}
                        <select
                          part="app-permission"
                          @change=${(e: Event) => view.onApp(app, (e.target as HTMLSelectElement).value)}
                        >
                          ${app.permissions.map((p) => html`<option value=${p.id} ?selected=${p.id === chosen.permissionId}>${p.name}</option>`)}
                        </select></label
                      >`
                    : nothing
                }
              </div>`,
          )
        }
      </fieldset>
      ${view.error}`;
  }

  renderBundles(view: ChoiceView) {
    const chosen = view.draft.bundle;
    return html`<fieldset class="choices" part="bundles" aria-describedby=${view.errorId ?? nothing}>
        <legend>${msg('Bundles')}</legend>
        ${
          this.#state('bundles') ??
          this.#lists.bundles.items.map(
            (bundle) =>
              html`<div class="choice" part=${chosen?.id === bundle.id ? 'choice choice-selected' : 'choice'}>
                <label class="choice-label">
                  <input
                    type="radio"
                    name="bundle"
                    .value=${bundle.id}
                    .checked=${chosen?.id === bundle.id}
                    @change=${() => view.onBundle(bundle)}
                  />
                  <span class="choice-text"
                    ><span class="row-name">${bundle.name}</span
                    ><span class="row-path"
                      >${bundle.description}
                      ${msg(str`(${formatNumber(view.locale, bundle.items.length)} items)`)}</span
                    ></span
                  >
                </label>
                ${chosen?.id === bundle.id ? renderBundleItems(bundle) : nothing}
              </div>`,
          )
        }
      </fieldset>
      ${view.error}`;
  }
}

export function renderBundleItems(bundle: Bundle) {
  return html`<ul class="bundle-items" part="bundle-items" aria-label=${msg(str`Items of ${bundle.name}`)}>
    ${bundle.items.map((item) => html`<li>${item.resource.name} <span class="row-path">(${item.permission.name})</span></li>`)}
  </ul>`;
}
