import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../../internal/locale.js';
import type { AccessClient, AccessRequest, Template } from '@access-requests/sdk';
import { ClientElement } from '../../internal/client-element.js';
import { RequestList } from '../request-list/request-list.js';
import { RequestDetails } from '../request-details/request-details.js';
import type { MyAccess } from '../my-access/my-access.js';
import type { RequestPrefill } from '../access-request-form/prefill.js';
import { AccessNotifications } from '../access-notifications/access-notifications.js';
import type { Clock } from '../../internal/countdown.js';
import { define } from '../../define.js';
import { fire } from '../../internal/events.js';
import { renderRetry } from '../../internal/retry.js';
import { skeleton } from '../../internal/skeleton.js';
import { callerOf } from '../../internal/requests-hub.js';
import { accessPortalStyles } from './access-portal.styles.js';
import {
  DEFAULT_VIEW,
  PORTAL_VIEWS,
  hashFor,
  isPortalView,
  parseHash,
  templateHash,
  type PortalView,
} from './routes.js';
import { TemplateRoute } from './template-route.js';

const viewConverter = {
  fromAttribute: (value: string | null): PortalView => (isPortalView(value) ? value : DEFAULT_VIEW),
  toAttribute: (value: PortalView) => value,
};

/** The tag each view's element is rendered under (the first view's element comes with the portal). */
const VIEW_TAGS = {
  'new-request': 'access-request-form',
  'my-access': 'my-access',
  approvals: 'approval-inbox',
} as const satisfies Partial<Record<PortalView, string>>;
/** The portal views whose element loads when the view first shows (see `AccessPortal.viewLoaders`). */
export type LazyView = keyof typeof VIEW_TAGS;
const isLazy = (view: PortalView): view is LazyView => view in VIEW_TAGS;

/** Gets a view's element class: a dynamic `import()` (its own chunk), or the class itself. */
export type ViewLoader = () => Promise<CustomElementConstructor> | CustomElementConstructor;

const label = (view: PortalView): string =>
  view === 'new-request'
    ? msg('New Request')
    : view === 'my-requests'
      ? msg('My Requests')
      : view === 'my-access'
        ? msg('My Access')
        : msg('Approvals');

/**
 * The elements inside talk to each other: My Requests on the form's success
 * view opens My Requests; a request card opens its details beside the list; Edit and request again
 * on a closed request (in its details or on My Access) opens New Request prefilled from it; Use
 * Access opens My Access with the request's Access Details; the notifier's Access Details button does
 * the same. Use template on My Access opens New Request prefilled from the template; a link to a
 * template (`#/new-request/template/<id>`, what My Access's Copy link copies) does the same once the
 * template is read — saying so when it does not exist — and so does `showTemplate()`.
 *
 * Routing: with `routing="none"` (the default) the portal switches views itself when the user asks,
 * after a cancelable `view-change-requested` (`{ view, requestId }`): a host that routes by itself calls
 * `preventDefault()` and sets `view` (and calls `showAccessDetails()`) when its own router says so.
 * With `routing="hash"` the portal keeps the view in the location hash — `#/<view>`, and
 * `#/my-requests/<id>` or `#/my-access/<id>` to open a request, `#/new-request/template/<id>` to start
 * from a template — so that back, forward, reload and
 * links work. Setting `view` from outside fires nothing.
 *
 * @summary The whole access portal in one tag: New Request, My Requests, My Access — and Approvals for
 * approvers — as tabs, with the elements wired to each other and the in-page notifier.
 * @tag access-portal
 *
 * @event view-change-requested - The user is going to another view; `detail` has the `view` and the
 * `requestId` it opens. Cancelable: `preventDefault()` and route it yourself.
 *
 * @csspart tabs - The tab list.
 * @csspart tab - A tab.
 * @csspart tab-selected - The current view's tab (with `tab`).
 * @csspart panel - The current view's panel.
 * @csspart view-loading - The skeleton shown while a view's element loads (the first time its tab opens).
 * @csspart view-error - Why a view could not be loaded, with Retry.
 * @csspart skeleton - The placeholder blocks in `view-loading`.
 * @csspart form - The `<access-request-form>` of New Request.
 * @csspart template-loading - New Request while the template it starts from is read.
 * @csspart template-error - Why the template could not be opened (it does not exist, say), above the form.
 * @csspart template-retry - Its Retry button (not for a template that does not exist).
 * @csspart template-dismiss - Its Dismiss button.
 * @csspart requests-layout - My Requests' list and details, side by side.
 * @csspart list - The `<request-list>` of My Requests.
 * @csspart details - The `<request-details>` of My Requests.
 * @csspart my-access - The `<my-access>` of My Access.
 * @csspart approvals - The `<approval-inbox>` of Approvals.
 * @csspart notifications - The `<access-notifications>`.
 * @csspart card - A request card of the list.
 * @csspart card-selected - The open request's card (with `card`).
 * @csspart card-title - What a card's request gives access to.
 * @csspart details-panel - The details panel.
 * @csspart access-item - An item of My Access.
 * @csspart approval-item - A request of the approvals.
 * @csspart toast - A notification.
 *
 * @cssproperty --ar-color-accent - The current tab.
 * @cssproperty --ar-color-border - The tab bar's rule.
 * @cssproperty --ar-portal-details-inline-size - The width of the details column (default 26rem).
 */
export class AccessPortal extends ClientElement {
  static override styles = accessPortalStyles;
  /**
   * How the portal gets the element of New Request, My Access and Approvals the first time the view
   * shows, when its tag is not registered yet: `access-portal.js` and the package's index set these
   * (`access-portal.js` to one chunk per view); a host may set its own.
   */
  static viewLoaders: Partial<Record<LazyView, ViewLoader>> = {};

  static override dependencies = {
    'request-list': RequestList,
    'request-details': RequestDetails,
    'access-notifications': AccessNotifications,
  };

  /** The view on screen: `new-request`, `my-requests`, `my-access` or `approvals`. */
  @property({ reflect: true, converter: viewConverter }) accessor view: PortalView = DEFAULT_VIEW;
  /**
   * `none`: the portal switches views itself (after `view-change-requested`); `hash`: it keeps them in the
   * location hash.
   */
  @property({ reflect: true }) accessor routing: 'none' | 'hash' = 'none';
  /** Leaves out the built-in `<access-notifications>` (the host shows its own). */
  @property({ type: Boolean, attribute: 'no-notifications' }) accessor noNotifications = false;
  /** Where My Access's countdown reads "now" (ms since the epoch); default, the server's clock. */
  @property({ attribute: false }) accessor now: Clock | undefined;

  @state() private accessor isApprover = false;
  @state() private accessor selected: AccessRequest | undefined;
  @state() private accessor selectedId = '';
  /** New Request's `prefill`: the closed request Edit and request again was pressed on, or the template. */
  @state() private accessor editing: RequestPrefill | undefined;
  /** Views shown once stay rendered (hidden), so that a draft or a scroll position survives a switch. */
  @state() private accessor visited: ReadonlySet<PortalView> = new Set();
  /** The lazy views whose element is loaded and registered; why one failed to load. */
  @state() private accessor loaded: ReadonlySet<PortalView> = new Set();
  @state() private accessor loadErrors: ReadonlyMap<PortalView, unknown> = new Map();
  readonly #loading = new Set<PortalView>();

  readonly #template = new TemplateRoute(this, (template) => {
    // A new value each time: the form opens afresh from the template, even the same one again.
    this.editing = { ...template };
  });
  #pendingAccessDetails: AccessRequest | string | undefined;
  #callerFor: AccessClient | undefined;

  /** The views the caller has: Approvals only for approvers. */
  get views(): readonly PortalView[] {
    return PORTAL_VIEWS.filter(
      (view) => view !== 'approvals' || this.isApprover || this.view === 'approvals',
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
    if (this.routing === 'hash') this.#onHashChange();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('routing') && this.routing === 'hash' && this.isConnected) this.#onHashChange();
    if (this.clientChanged(changed)) {
      // Another user's client: their requests are not this one's. The first client keeps the request
      // the address named (a deep link opened as the first load).
      const before =
        (changed.has('client') ? (changed.get('client') as AccessClient | undefined) : this.client) ??
        (changed.has('providedClient')
          ? (changed.get('providedClient') as AccessClient | undefined)
          : this.providedClient);
      if (before !== undefined && before !== this.activeClient) {
        this.selected = undefined;
        this.selectedId = '';
      }
      this.#learnRole();
      this.#template.clientChanged(this.activeClient);
    }
    if (!this.visited.has(this.view)) this.visited = new Set([...this.visited, this.view]);
    this.#load(this.view);
  }

  /**
   * Gets a lazy view's element registered (once; again after a failure, on Retry). A tag already
   * registered (by `define.js`, say) needs nothing; with no loader either, the tag is rendered as it
   * is, for the host to register.
   */
  #load(view: PortalView): void {
    if (!isLazy(view) || this.loaded.has(view) || this.#loading.has(view) || this.loadErrors.has(view))
      return;
    const tag = VIEW_TAGS[view];
    const loader = (this.constructor as typeof AccessPortal).viewLoaders[view];
    if (customElements.get(tag) || !loader) {
      this.loaded = new Set([...this.loaded, view]);
      return;
    }
    this.#loading.add(view);
    Promise.resolve()
      .then(loader)
      .then(
        (elementClass) => {
          this.#loading.delete(view);
          define(tag, elementClass);
          this.loaded = new Set([...this.loaded, view]);
        },
        (error: unknown) => {
          this.#loading.delete(view);
          this.loadErrors = new Map([...this.loadErrors, [view, error]]);
        },
      );
  }

  #retryLoad(view: PortalView): void {
    const errors = new Map(this.loadErrors);
    errors.delete(view);
    this.loadErrors = errors;
    this.#load(view);
    void this.updateComplete.then(() => this.#tab(view)?.focus()); // the Retry button goes
  }

  protected override updated(changed: PropertyValues): void {
    // A host that sets `view` while the portal routes by hash: the address follows.
    if (
      changed.has('view') &&
      this.routing === 'hash' &&
      this.isConnected &&
      parseHash(location.hash).view !== this.view
    ) {
      history.pushState(history.state, '', hashFor(this.view));
    }
    const pending = this.#pendingAccessDetails;
    const myAccess = this.renderRoot.querySelector<MyAccess>('my-access');
    if (pending !== undefined && this.view === 'my-access' && myAccess) {
      this.#pendingAccessDetails = undefined;
      void myAccess.updateComplete.then(() => myAccess.showAccessDetails(pending));
    }
  }

  /** Shows My Access with a request's Access Details open (for a host routing a notification here). */
  showAccessDetails(request: AccessRequest | string): void {
    this.#go('my-access', request);
  }

  /**
   * Shows New Request started from a template (one in hand, or its id: read first, with a loading state;
   * the form below says when it does not exist) — for a host routing a template's link here.
   */
  showTemplate(template: Template | string): void {
    this.#go('new-request');
    if (typeof template === 'string') this.#template.open(template, this.activeClient);
    else this.#template.use(template);
    this.#routeTemplate();
  }

  /** By hash routing, the address names the template New Request started from (no new history entry). */
  #routeTemplate(): void {
    if (this.routing === 'hash' && this.#template.id)
      history.replaceState(history.state, '', templateHash(this.#template.id));
  }

  /** Shows My Requests with a request's details open. */
  showRequest(request: AccessRequest | string): void {
    this.#go('my-requests', request);
  }

  #learnRole(): void {
    const client = this.activeClient;
    this.#callerFor = client;
    this.isApprover = false;
    if (!client) return;
    callerOf(client).then(
      (me) => {
        if (this.#callerFor !== client) return;
        this.isApprover = me.is_approver;
        // Someone who approves nothing has no Approvals view (say, after the user changed).
        if (!me.is_approver && this.view === 'approvals') this.#go(DEFAULT_VIEW);
      },
      () => undefined,
    );
  }

  /** Goes to a view (and a request in it); by hash routing, the address follows (one history entry). */
  #go(view: PortalView, request?: AccessRequest | string): void {
    this.#open(view, request);
    if (this.routing !== 'hash') return;
    // Access Details is a dialog over My Access, not a place: the address says My Access.
    const id =
      view === 'my-requests' && request !== undefined
        ? typeof request === 'string'
          ? request
          : request.id
        : '';
    const hash = hashFor(view, id);
    if (location.hash !== hash) location.hash = hash;
  }

  #open(view: PortalView, request?: AccessRequest | string): void {
    this.view = view;
    if (request === undefined) return;
    if (view === 'my-access') this.#pendingAccessDetails = request;
    if (view === 'my-requests') {
      this.selectedId = typeof request === 'string' ? request : request.id;
      this.selected = typeof request === 'string' ? undefined : request;
    }
    this.requestUpdate();
  }

  /** The user asks for another view: `view-change-requested` first (a host may route it itself), then go. */
  #navigate(view: PortalView, request?: AccessRequest, { focusTab = false } = {}): boolean {
    if (
      !fire(
        this,
        'view-change-requested',
        { view, requestId: request?.id ?? '' },
        {
          cancelable: true,
        },
      )
    )
      return false;
    // Leaving content for another view: focus goes to the view's tab, so it has a place to come back to.
    if (focusTab) void this.updateComplete.then(() => this.#tab(view)?.focus());
    this.#go(view, request);
    return true;
  }

  #onHashChange = (): void => {
    if (this.routing !== 'hash') return;
    if (!location.hash) {
      history.replaceState(
        history.state,
        '',
        hashFor(this.view, this.view === 'my-requests' ? this.selectedId : ''),
      );
      return;
    }
    const { view, requestId, templateId } = parseHash(location.hash);
    if (view === 'new-request') {
      // A template's link: read it (unless New Request started from it already); a plain New Request
      // drops the template's alert.
      if (templateId && templateId !== this.#template.id) this.#template.open(templateId, this.activeClient);
      else if (!templateId && this.#template.id) this.#template.clear();
    }
    const here =
      view === this.view && (!requestId || (view === 'my-requests' && requestId === this.selectedId));
    if (here) return;
    this.#open(view, requestId || undefined);
    // A link to a request's Access Details opens it once: then the address says My Access.
    if (view === 'my-access' && requestId) history.replaceState(history.state, '', hashFor('my-access'));
  };

  #tab(view: PortalView): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`);
  }

  #onTabKeydown = (event: KeyboardEvent): void => {
    const views = this.views;
    const at = views.indexOf(this.view);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    const next =
      event.key === 'Home'
        ? views[0]
        : event.key === 'End'
          ? views.at(-1)
          : step
            ? views[(at + step + views.length) % views.length]
            : undefined;
    if (!next) return;
    event.preventDefault();
    this.#navigate(next);
    void this.updateComplete.then(() => this.#tab(this.view)?.focus());
  };

  // ---- the wiring between the elements

  #onSelected = async (event: CustomEvent<{ request: AccessRequest }>): Promise<void> => {
    this.selected = event.detail.request;
    this.selectedId = event.detail.request.id;
    if (this.routing === 'hash')
      history.replaceState(history.state, '', hashFor('my-requests', this.selectedId));
    await this.updateComplete;
    const details = this.renderRoot.querySelector<RequestDetails>('request-details');
    await details?.updateComplete;
    details?.focus();
  };

  #onDetailsClosed = (event: CustomEvent<{ request: AccessRequest | undefined }>): void => {
    this.selected = undefined;
    this.selectedId = '';
    if (this.routing === 'hash') history.replaceState(history.state, '', hashFor('my-requests'));
    // Back to the card that opened the details, even if the page scrolled it out of view meanwhile
    // (one column: the details sit below the list), when the list's tab stop moved to a visible card.
    const id = event.detail.request?.id;
    void this.updateComplete.then(() => {
      const list = this.renderRoot.querySelector<RequestList>('request-list');
      return id ? list?.focusRequest(id) : list?.focus();
    });
  };

  /** Edit and request again: New Request opens prefilled from the closed request. */
  #toEdit = (event: CustomEvent<{ request: AccessRequest }>): void => {
    const request = event.detail.request;
    // A new value on each press: the form opens afresh from the request, even the same one again.
    if (this.#navigate('new-request', undefined, { focusTab: true })) this.editing = { ...request };
  };

  /** Use template on My Access: New Request opens prefilled from the template. */
  #toTemplate = (event: CustomEvent<{ template: Template }>): void => {
    if (!this.#navigate('new-request', undefined, { focusTab: true })) return;
    this.#template.use(event.detail.template);
    this.#routeTemplate();
  };

  #dismissTemplate = (): void => {
    this.#template.clear();
    if (this.routing === 'hash') history.replaceState(history.state, '', hashFor('new-request'));
    void this.updateComplete.then(() => this.#tab('new-request')?.focus()); // the alert goes
  };

  #toAccessDetails = (event: CustomEvent<{ request: AccessRequest }>): void => {
    this.#navigate('my-access', event.detail.request, { focusTab: true });
  };

  // ---- rendering

  protected override render() {
    const views = this.views;
    return html`<div
        part="tabs"
        class="tabs"
        role="tablist"
        aria-label=${msg('Access requests')}
        @keydown=${this.#onTabKeydown}
      >
        ${views.map((view) => {
          const selected = view === this.view;
          return html`<button
            id=${`tab-${view}`}
            part=${selected ? 'tab tab-selected' : 'tab'}
            class="tab"
            role="tab"
            type="button"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls=${`panel-${view}`}
            tabindex=${selected ? 0 : -1}
            @click=${() => selected || this.#navigate(view)}
          >
            ${label(view)}
          </button>`;
        })}
      </div>
      ${PORTAL_VIEWS.map((view) => this.#renderPanel(view))}
      ${
        this.noNotifications
          ? nothing
          : html`<access-notifications
              part="notifications"
              exportparts="toast"
              .client=${this.client}
              @access-details-requested=${this.#toAccessDetails}
            ></access-notifications>`
      }`;
  }

  #renderPanel(view: PortalView) {
    if (!this.visited.has(view)) return nothing;
    return html`<section
      id=${`panel-${view}`}
      part="panel"
      class="panel"
      role="tabpanel"
      aria-labelledby=${`tab-${view}`}
      ?hidden=${view !== this.view}
    >
      ${this.#renderView(view)}
    </section>`;
  }

  #renderView(view: PortalView) {
    if (isLazy(view) && !this.loaded.has(view)) {
      const error = this.loadErrors.get(view);
      return error === undefined
        ? html`<div part="view-loading" class="view-loading" role="status" aria-busy="true">
            <span class="visually-hidden">${msg(str`Loading ${label(view)}…`)}</span>
            ${skeleton}
          </div>`
        : renderRetry({
            message: msg(str`Could not load ${label(view)}.`),
            error,
            onRetry: () => this.#retryLoad(view),
            part: 'view-error',
            primary: true,
          });
    }
    // `.client` passes the portal's own client through; unset, each element asks the provider around the
    // portal.
    switch (view) {
      case 'new-request':
        // While the template is read, its loading state stands in for the form; its alert goes above it.
        return html`${this.#template.render(this.activeClient, this.#dismissTemplate)}${
          this.#template.loading
            ? nothing
            : html`<access-request-form
                part="form"
                .client=${this.client}
                .prefill=${this.editing}
                @my-requests-requested=${() => this.#navigate('my-requests', undefined, { focusTab: true })}
              ></access-request-form>`
        }`;
      case 'my-requests':
        return html`<div part="requests-layout" class="requests-layout">
          <request-list
            part="list"
            exportparts="card, card-selected, card-title"
            .client=${this.client}
            selected-id=${this.selectedId}
            @request-selected=${this.#onSelected}
          ></request-list>
          <request-details
            part="details"
            exportparts="panel: details-panel"
            .client=${this.client}
            .request=${this.selected}
            request-id=${this.selected ? '' : this.selectedId}
            @details-closed=${this.#onDetailsClosed}
            @access-use-requested=${this.#toAccessDetails}
            @request-edit-requested=${this.#toEdit}
          ></request-details>
        </div>`;
      case 'my-access':
        return html`<my-access
          part="my-access"
          exportparts="item: access-item"
          .client=${this.client}
          .now=${this.now}
          @request-edit-requested=${this.#toEdit}
          @template-use-requested=${this.#toTemplate}
        ></my-access>`;
      case 'approvals':
        return html`<approval-inbox
          part="approvals"
          exportparts="item: approval-item"
          .client=${this.client}
        ></approval-inbox>`;
    }
  }
}
