// My Access's Templates, beside Favorites: the user's request templates a page at a time (Load more
// past the first), each with Use template (the host opens New Request with it), Rename, Delete and Copy
// link (the host's `template-link` pattern, else the portal's own route on this page). A template saved
// in a form with the same client on the page shows without a reload.
import { html, nothing, type ReactiveController } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { AccessClient, Template } from '@access-requests/sdk';
import { msg, str } from '../../internal/locale.js';
import { Announcer } from '../../internal/announcer.js';
import { fire } from '../../internal/events.js';
import { formatHours, resourcesCount } from '../../internal/format.js';
import type { ModalHost } from '../../internal/modal-form.js';
import { PagedList } from '../../internal/paged-list.js';
import { renderLoadMore, renderRetry } from '../../internal/retry.js';
import { skeleton } from '../../internal/skeleton.js';
import { subscribeToTemplates } from '../../internal/templates-hub.js';
import { templateHash } from '../access-portal/routes.js';
import { DeleteTemplateDialog, RenameTemplateForm } from './template-dialogs.js';

export interface TemplatesHost extends ModalHost {
  /** The link pattern (`{id}` stands for the template's id); '' for the portal's route on this page. */
  readonly templateLink: string;
  readonly templatesPageSize: number;
}

/** The link to share for a template: the host's pattern, else `#/new-request/template/<id>` on this page. */
export function templateLinkFor(pattern: string, id: string): string {
  const link = pattern
    ? pattern.replaceAll('{id}', encodeURIComponent(id))
    : `${location.href.split('#')[0]}${templateHash(id)}`;
  return new URL(link, location.href).href;
}

/** "3 resources · 4 hours". */
function summary(template: Template, locale: string): string {
  const request = template.request;
  const what = request.app
    ? msg('An app')
    : request.bundle
      ? msg('A bundle')
      : resourcesCount(request.resources?.length ?? 0);
  const hours = request.duration_hours;
  return hours ? `${what} · ${formatHours(locale, hours)}` : what;
}

export class TemplatesSection implements ReactiveController {
  readonly list: PagedList<Template>;
  /** The template whose link could not be copied: its link is shown, selected, to copy by hand. */
  #linkShown = '';
  #client: AccessClient | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #rename: RenameTemplateForm;
  readonly #delete: DeleteTemplateDialog;

  constructor(
    private readonly host: TemplatesHost,
    private readonly announcer: Announcer,
  ) {
    host.addController(this);
    this.list = new PagedList(host);
    const deps = { client: () => this.#client, fallbackFocus: () => this.#fallbackFocus() };
    this.#rename = new RenameTemplateForm(host, 'rename-template', {
      ...deps,
      done: (template) => {
        this.list.patch(template);
        this.announcer.announce(msg(str`Template renamed to ${template.name}.`));
      },
    });
    this.#delete = new DeleteTemplateDialog(host, 'delete-template', {
      ...deps,
      done: (template) => {
        this.list.items = this.list.items.filter((t) => t.id !== template.id);
        this.host.requestUpdate();
        this.announcer.announce(msg(str`Template ${template.name} deleted.`));
      },
    });
  }

  hostConnected(): void {
    // Back on the page (moved in the DOM, say): listen again, and read what changed meanwhile.
    if (this.#client && !this.#unsubscribe) this.load(this.#client);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.list.cancel();
  }

  /** Loads the first page with `client` (again when the client changes). */
  load(client: AccessClient | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#client = client;
    if (!client) return this.list.reset();
    this.#unsubscribe = subscribeToTemplates(client, () => this.list.reload());
    const limit = this.host.templatesPageSize;
    this.list.load((cursor, signal) => client.templates().page({ cursor, limit, signal }));
  }

  #fallbackFocus(): HTMLElement | null {
    const root = this.host.renderRoot;
    return (
      root.querySelector<HTMLElement>('[data-roving-group="templates"] [data-roving-item]') ??
      root.querySelector<HTMLElement>('#templates-heading')
    );
  }

  #copy = async (template: Template): Promise<void> => {
    const link = templateLinkFor(this.host.templateLink, template.id);
    try {
      await navigator.clipboard.writeText(link);
      this.#linkShown = '';
      this.announcer.announce(msg('Link copied'));
    } catch {
      // No clipboard here (refused, or not a secure context): the link shows, selected, to copy by hand.
      this.#linkShown = template.id;
      this.announcer.announce(
        msg('The link could not be copied. It is selected: copy it with your keyboard.'),
      );
      this.host.requestUpdate();
      await this.host.updateComplete;
      const field = this.host.renderRoot.querySelector<HTMLInputElement>('[part="template-link"]');
      field?.focus();
      field?.select();
    }
    this.host.requestUpdate();
  };

  render(locale: string) {
    return html`<section part="section section-templates" class="section" aria-labelledby="templates-heading">
        <h2 part="heading" id="templates-heading" tabindex="-1">${msg('Templates')}</h2>
        ${this.#renderBody(locale)}
      </section>
      ${this.#rename.render()} ${this.#delete.render()}`;
  }

  #renderBody(locale: string) {
    const list = this.list;
    if (!list.loaded) {
      if (list.status === 'error')
        return renderRetry({
          message: msg('Your templates could not be loaded.'),
          error: list.error,
          onRetry: () => list.reload(),
          part: 'error',
          class: 'state',
        });
      return html`<div part="templates-loading" role="status" aria-busy="true">
        <span class="visually-hidden">${msg('Loading templates…')}</span> ${skeleton}
      </div>`;
    }
    if (!list.items.length)
      return html`<p part="empty" class="empty">${msg('No templates yet. Save one from New Request.')}</p>`;
    return html`<ul
        part="list"
        class="list"
        data-roving-group="templates"
        aria-labelledby="templates-heading"
      >
        ${list.items.map((template) => keyed(template.id, this.#renderItem(template, locale)))}
      </ul>
      ${this.#renderMore()}`;
  }

  #renderItem(template: Template, locale: string) {
    const name = template.name;
    const button = (part: string, key: string, label: string, text: string, onClick: () => void) =>
      html`<button
        part=${part}
        class=${part === 'use-template' ? 'button primary' : 'button'}
        data-roving-item
        data-key=${`${template.id}:${key}`}
        aria-label=${label}
        @click=${onClick}
      >
        ${text}
      </button>`;
    return html`<li part="item template-item" class="item surface template-item">
      <div class="item-main">
        <span part="item-title" class="item-title">${name}</span>
        <span part="item-meta" class="item-meta"
          >${summary(template, locale)}${
            template.unavailable.length ? html` · ${msg('Some of it can no longer be requested')}` : nothing
          }</span
        >
        ${
          this.#linkShown === template.id
            ? html`<input
                part="template-link"
                class="link-field"
                readonly
                aria-label=${msg(str`Link to ${name}`)}
                .value=${templateLinkFor(this.host.templateLink, template.id)}
              />`
            : nothing
        }
      </div>
      <span class="item-actions template-actions">
        ${button('use-template', 'use', msg(str`Use template: ${name}`), msg('Use template'), () =>
          fire(this.host, 'template-use-requested', { template }),
        )}
        ${
          template.can.rename
            ? button('rename-template', 'rename', msg(str`Rename: ${name}`), msg('Rename'), () => {
                void this.#rename.open(template);
              })
            : nothing
        }
        ${
          template.can.delete
            ? button('delete-template', 'delete', msg(str`Delete: ${name}`), msg('Delete'), () => {
                void this.#delete.open(template);
              })
            : nothing
        }
        ${button('copy-link', 'copy', msg(str`Copy link: ${name}`), msg('Copy link'), () => {
          void this.#copy(template);
        })}
      </span>
    </li>`;
  }

  /** Load more; when it was the last page, focus goes to the first template it brought (its button goes). */
  #loadMore = async (): Promise<void> => {
    const shown = this.list.items.length;
    await this.list.loadMore();
    await this.host.updateComplete;
    const root = this.host.renderRoot;
    if (root.querySelector('[part="load-more"]')) return;
    const items = root.querySelectorAll('[part~="template-item"]');
    items[Math.min(shown, items.length - 1)]?.querySelector<HTMLElement>('[data-roving-item]')?.focus();
  };

  #renderMore() {
    return renderLoadMore({
      list: this.list,
      failed: msg('More templates could not be loaded:'),
      label: msg('Load more templates'),
      onLoadMore: () => void this.#loadMore(),
    });
  }
}
