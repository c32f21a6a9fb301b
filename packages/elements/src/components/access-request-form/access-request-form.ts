// Over 400 lines: about 100 are the public JSDoc the manifest reads; each step, the pickers and the
// validation are modules beside it.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '../../internal/locale.js';
import { LIMITS } from '@access-requests/contract';
import { renderRetry } from '../../internal/retry.js';
import { problemText } from '../../internal/problem.js';
import { RetryWait } from '../../internal/retry-wait.js';
import { Announcer } from '../../internal/announcer.js';
import { ClientElement } from '../../internal/client-element.js';
import { StatusBadge } from '../status-badge/status-badge.js';
import { fire } from '../../internal/events.js';
import { localeOf } from '../../internal/format.js';
import { LatestTask } from '../../internal/latest-task.js';
import { publishRequests, type Me } from '../../internal/requests-hub.js';
import { accessRequestFormStyles } from './access-request-form.styles.js';
import { CatalogChoice } from './catalog-choice.js';
import { renderChoose } from './choose-step.js';
import { renderDetails } from './details-step.js';
import {
  addToSelection,
  clearDraft,
  DraftKeeper,
  emptyDraft,
  fieldsOf,
  hasTarget,
  isTab,
  requestBody,
  selfOf,
  type CustomField,
  type Draft,
  type FieldError,
  type RequestInput,
  type SelectedResource,
  type Tab,
} from './draft.js';
import { PeoplePicker } from './people-picker.js';
import { openDraft, type Prefill, type RequestPrefill } from './prefill.js';
import { PreviewRunner, previewBody } from './preview-runner.js';
import { ResourcePicker, selectionMessage, type SelectionHow } from './resource-picker.js';
import type { MatchCounts } from './resource-search.js';
import { RovingRows } from '../../internal/roving-rows.js';
import { renderReview } from './selection-review.js';
import { idempotencyFor, failureOf } from './submission.js';
import { SubmittedRequests } from './submitted-requests.js';
import { TemplateSaver } from './save-template.js';
import { publishTemplate } from '../../internal/templates-hub.js';
import {
  clientErrors,
  constraintsOf,
  errorState,
  shownError,
  type ErrorState,
  type Place,
  type ShownError,
} from './validation.js';

const PREFILL_PROPERTIES = [
  'resourceIds',
  'permissionId',
  'duration',
  'justification',
  'granteeId',
  'appId',
  'bundleId',
  'tab',
  'prefill',
] as const;

/**
 * Step one has the tabs All Resources, Apps and Bundles and "Request on Behalf of" (a searchable
 * people picker). By Resource searches the catalog on the server (debounced; stale answers are
 * dropped) with the Resource Type and Permission filters, in a virtualised list; up to the org's
 * maximum (1,000) resources are selected, each with a permission — one by one, Select all visible, or
 * Select all N matching (every match of the search and filters, from the server, without scrolling;
 * what was left out is said) — and the selection is reviewed
 * beside the list whatever the search shows. Next opens Complete Additional Details: Duration in
 * Hours (bounded by the most restrictive access flow), an optional Start (Now, or a date and hour in
 * the host's time zone within the flows' scheduling window), Justification, Ticket Type and Ticket ID,
 * then the custom fields the access flows ask (text, a choice or a number; each with its help, and which
 * requests ask it when not all do; checked as the server checks them), with the server's preview
 * of the split — one request per access flow, approved automatically or
 * by whom. Submit Request sends once (one Idempotency-Key per submission, kept across retries) and
 * shows the created requests with live statuses. The draft is kept in session storage per user.
 *
 * Form-associated: in a `<form>`, its value (under `name`) is the request body as JSON, and it is
 * invalid while nothing is chosen or a detail is wrong.
 *
 * @summary "Request new access": choose resources, an app or a bundle (for yourself or on behalf of someone),
 * add the details, see how the request will be routed, and submit.
 * @tag access-request-form
 *
 * @event request-submitted - The user submitted a request; `detail.requests` are the requests created (one
 * per access flow).
 * @event template-saved - The user saved the request as a named template (Save as template on the details
 * step); `detail.template` is the template, whose `id` makes the link to share.
 * @event my-requests-requested - My Requests was pressed on the success view: route to the list. `detail` is
 * `{}`.
 * @event selection-changed - The user changed the resource selection; `detail.count` is how many are
 * selected.
 *
 * @csspart tabs - The tab list.
 * @csspart tab - A tab.
 * @csspart tab-selected - The chosen tab (with `tab`).
 * @csspart panel - The tab panel.
 * @csspart step-title - The heading of a step (New Request, Complete Additional Details, Request submitted).
 * @csspart grantee - Request on Behalf of.
 * @csspart grantee-input - Its text field.
 * @csspart grantee-listbox - Its list of people.
 * @csspart how - "How would you like to access resources?".
 * @csspart by-resource - The By Resource search, selection and results.
 * @csspart query - Search and filters.
 * @csspart search - The Search field.
 * @csspart filter - A filter (Resource Type, Permission).
 * @csspart filter-button - A filter's button.
 * @csspart filter-panel - A filter's checkboxes.
 * @csspart selection-bar - The count and the Select all visible, Select all N matching and Clear all buttons.
 * @csspart count - "N of 1,000 selected".
 * @csspart select-all - Select all visible.
 * @csspart select-matching - Select all N matching: every resource of the search and filters, up to the
 * maximum, from the server (no scrolling); what it selected and left out is said like Select all visible.
 * @csspart clear-all - Clear all.
 * @csspart limit-message - The refusal past the maximum (an alert).
 * @csspart selection-message - What the last bulk change did ("Selected 97 more.", a polite status).
 * @csspart results - The result list.
 * @csspart result - A result row.
 * @csspart result-selected - A selected result row (with `result`).
 * @csspart permission - The permission select of a result row or a selected resource.
 * @csspart results-empty - No resource matches.
 * @csspart results-error - The search failed.
 * @csspart results-loading - More results are loading.
 * @csspart review - The selection review.
 * @csspart review-title - Its heading.
 * @csspart review-empty - The review when nothing is selected.
 * @csspart review-list - The review's list.
 * @csspart review-item - A selected resource.
 * @csspart apps - The Apps choice.
 * @csspart bundles - The Bundles choice.
 * @csspart choice - An app or bundle.
 * @csspart choice-selected - The chosen app or bundle (with `choice`).
 * @csspart choice-error - Apps or bundles could not be loaded.
 * @csspart app-permission - The permission of the chosen app.
 * @csspart bundle-items - What a bundle contains.
 * @csspart actions - The buttons of a step.
 * @csspart next - Next.
 * @csspart back - Back.
 * @csspart submit - Submit Request.
 * @csspart save-template - Save as template (opens and closes the template panel).
 * @csspart template-panel - The panel that names the template and saves it.
 * @csspart template-name - The Template name field.
 * @csspart template-name-error - What is wrong with the name.
 * @csspart template-error - Why the template could not be saved.
 * @csspart template-saved - Says under which name the request was saved.
 * @csspart form - The details step.
 * @csspart summary - What and for whom, on the details step.
 * @csspart details - The detail fields.
 * @csspart duration - Duration in Hours.
 * @csspart start - Start: Now, or a date and an hour within the access flows' scheduling window.
 * @csspart start-date - The Start's date.
 * @csspart start-hour - The Start's hour, in the host's time zone.
 * @csspart start-now - Start now (clears the date).
 * @csspart summary-start - When the access starts, in the summary.
 * @csspart summary-end - When it ends, in the summary.
 * @csspart justification - Justification.
 * @csspart ticket-type - Ticket Type.
 * @csspart ticket-id - Ticket ID.
 * @csspart custom-field - A custom field's control (an input or a select); `data-field` is the field's id.
 * @csspart field-error - A field's error.
 * @csspart form-error - The form's error (also when the form cannot load).
 * @csspart retry-wait - While a call waits to retry (a rate limit, say): when it goes again, and Cancel.
 * @csspart split - The preview of the split.
 * @csspart flows - The access flows of the split.
 * @csspart flow - One access flow of the split.
 * @csspart flow-approval - How a flow is approved.
 * @csspart flow-requirements - What a flow requires.
 * @csspart done - The success view.
 * @csspart done-summary - How many requests were created.
 * @csspart created - The list of created requests.
 * @csspart created-request - A created request.
 * @csspart badge - A created request's `<status-badge>`.
 * @csspart notification - How you will be notified.
 * @csspart my-requests - My Requests.
 * @csspart new-request - New Request.
 * @csspart prefill-notice - What a prefill named that is no longer available and was left out (also
 * announced).
 * @csspart announcer - The polite live region.
 *
 * @cssproperty --ar-color-accent - Primary buttons, the chosen tab.
 * @cssproperty --ar-color-border - Borders.
 * @cssproperty --ar-color-surface - Backgrounds.
 * @cssproperty --ar-color-danger - Errors.
 * @cssproperty --ar-color-selected - Selected rows.
 * @cssproperty --ar-radius - Corner radius.
 * @cssproperty --ar-font-family - The font stack (default: the page's).
 * @cssproperty --ar-focus-ring-width - Width of the focus outline (default 2px).
 * @cssproperty --ar-focus-ring-offset - Gap between a control and its focus outline (default 2px).
 * @cssproperty --ar-shadow-popover - Elevation of pop-up lists and panels.
 * @cssproperty --ar-space-1 - Spacing, smallest step.
 * @cssproperty --ar-space-2 - Spacing, second step.
 * @cssproperty --ar-space-3 - Spacing, third step.
 * @cssproperty --ar-space-4 - Spacing, largest step.
 * @cssproperty --ar-form-list-block-size - Height of the result and review lists.
 */
export class AccessRequestForm extends ClientElement {
  static override styles = accessRequestFormStyles;
  static override dependencies = { 'status-badge': StatusBadge };
  static formAssociated = true;

  /** The name under which a host `<form>` receives the request body (JSON). */
  @property({ reflect: true }) accessor name = '';
  /** Prefill: resources to select, space or comma separated (`res_a res_b`). */
  @property({ attribute: 'resource-ids' }) accessor resourceIds = '';
  /**
   * Prefill: the permission for the prefilled resources or app (else each one's first), or the Permission
   * filter.
   */
  @property({ attribute: 'permission-id' }) accessor permissionId = '';
  /** Prefill: Duration in Hours. */
  @property({ type: Number }) accessor duration: number | undefined;
  /** Prefill: Justification. */
  @property() accessor justification = '';
  /** Prefill: Request on Behalf of (a user id the server allows). */
  @property({ attribute: 'grantee-id' }) accessor granteeId = '';
  /** Prefill: an app to request (with `permission-id`). */
  @property({ attribute: 'app-id' }) accessor appId = '';
  /** Prefill: a bundle to request. */
  @property({ attribute: 'bundle-id' }) accessor bundleId = '';
  /** Prefill: the tab to open, `resources`, `apps` or `bundles`. */
  @property() accessor tab = '';
  /**
   * Prefill, as one value (it wins over the prefill attributes): a closed request to edit and request
   * again — as `request-edit-requested` gives it: its resources, app or bundle with each permission,
   * duration, justification, ticket and grantee — or the fields of a request body
   * (`AccessRequestInput`, each optional; each resource with its permission). The form opens on New
   * Request with it chosen, for the user to change before submitting; what no longer exists or is no
   * longer offered is left out, and the form says which (`prefill-notice`). Set while the form is on the
   * page, it opens afresh (each Edit and request again starts from the request); when the form first
   * loads, a draft the user made from the same prefill (before a reload) wins.
   */
  @property({ attribute: false }) accessor prefill: RequestPrefill | undefined;
  /**
   * Where My Requests leads on the success view (http, https or relative); without it, only the event fires.
   */
  @property({ attribute: 'my-requests-href' }) accessor myRequestsHref = '';

  @state() private accessor me: Me | undefined;
  @state() private accessor draft: Draft = emptyDraft();
  @state() private accessor done = false;
  @state() private accessor loadError: unknown;
  @state() private accessor message = '';
  /** What the prefill could not choose (and why), until the user submits or starts over. */
  @state() private accessor notice = '';
  /** A selection refused past the maximum: said as an alert, apart from the routine `message`. */
  @state() private accessor refusal = '';
  @state() private accessor nextAttempted = false;
  @state() private accessor attempted = false;
  @state() private accessor sending = false;
  @state() private accessor formError = '';
  @state() private accessor fieldErrors:
    { readonly body: RequestInput; readonly errors: readonly FieldError[] } | undefined;
  @state() private accessor touched: ReadonlySet<Place> = new Set();

  readonly #internals = this.attachInternals();
  readonly #announcer = new Announcer(this);
  readonly #retryWait = new RetryWait(this);
  readonly #start = new LatestTask(this);
  readonly #people = new PeoplePicker(this, 'grantee', {
    client: () => this.activeClient,
    selected: () => this.draft.grantee,
    choose: (grantee) => this.#patch({ grantee }),
  });
  readonly #picker = new ResourcePicker(this, () => this.activeClient);
  readonly #choice = new CatalogChoice(this, () => this.activeClient);
  readonly #preview = new PreviewRunner(this);
  readonly #reviewRows = new RovingRows(this, { list: '#selected', count: () => this.draft.selection.size });
  readonly #templates = new TemplateSaver(
    this,
    (text) => this.#announcer.announce(text),
    (template) => {
      const client = this.activeClient;
      if (client) publishTemplate(client, template); // a My Access on the page lists it
      fire(this, 'template-saved', { template });
    },
  );
  readonly #submitted = new SubmittedRequests(this, (...said) => this.#announcer.announce(...said));
  readonly #keeper = new DraftKeeper(this, () =>
    this.me && !this.done ? { userId: this.me.user.id, draft: this.draft } : undefined,
  );
  #locale = 'en';
  /** The next load applies the `prefill` property even over a draft the user made from it. */
  #prefillAfresh = false;
  #seenPreview: unknown;
  #errorCache: { readonly inputs: readonly unknown[]; readonly state: ErrorState } | undefined;

  // ---- form association (as Web Awesome's form controls)

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }
  /** A host form's reset starts a new request. */
  formResetCallback(): void {
    this.#startOver();
  }

  // ---- lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.#locale = localeOf(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A prefill set while the form is on the page is a new ask: it opens afresh.
    if (this.hasUpdated && changed.has('prefill') && this.prefill) this.#prefillAfresh = true;
    if (!this.hasUpdated || this.clientChanged(changed) || PREFILL_PROPERTIES.some((p) => changed.has(p)))
      this.#load();
    if (this.#preview.preview !== this.#seenPreview) this.#onPreview();
    if (!this.me || this.done) return;
    const draft = this.draft;
    if (draft.step === 'details') this.#preview.sync(this.activeClient, previewBody(draft, this.#fields()));
    else if (draft.tab !== 'resources') this.#choice.ensure(draft.tab);
    else
      this.#picker.search.sync({
        search: draft.search,
        typeIds: draft.typeIds,
        permissionIds: draft.permissionIds,
        granteeId: draft.grantee?.id,
      });
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('draft') || changed.has('me') || changed.has('done')) {
      this.#syncFormValue();
      this.#keeper.saveSoon();
    }
  }

  #prefill(): Prefill {
    return {
      resourceIds: this.resourceIds,
      permissionId: this.permissionId,
      duration: this.duration,
      justification: this.justification,
      granteeId: this.granteeId,
      appId: this.appId,
      bundleId: this.bundleId,
      tab: isTab(this.tab) ? this.tab : undefined,
    };
  }

  /**
   * Who the caller is, then their saved draft, or the host's prefill (a draft made from the same prefill
   * wins).
   */
  #load(): void {
    const client = this.activeClient;
    this.me = undefined;
    this.done = false;
    this.loadError = undefined;
    this.notice = '';
    this.#resetMessages();
    if (!client) return;
    const prefill = this.#prefill();
    const request = this.prefill;
    const afresh = this.#prefillAfresh;
    this.#start.start(
      (signal) => openDraft(client, prefill, request, signal, { afresh }),
      (outcome) => {
        if (!outcome.ok) {
          this.loadError = outcome.error;
          return;
        }
        this.#prefillAfresh = false;
        const { me, draft, notes } = outcome.value;
        this.me = me;
        this.draft = { ...draft, grantee: draft.grantee ?? selfOf(me) };
        this.notice = notes.join(' ');
        if (this.notice) this.#announcer.announce(this.notice);
        this.#preview.reset();
      },
    );
  }

  #patch(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
  }

  #resetMessages(): void {
    this.message = '';
    this.refusal = '';
    this.nextAttempted = false;
    this.attempted = false;
    this.formError = '';
    this.fieldErrors = undefined;
    this.touched = new Set();
  }

  /**
   * A new preview: its errors become the server's word on the fields; an untouched duration follows the
   * flows' maximum.
   */
  #onPreview(): void {
    const preview = this.#preview.preview;
    this.#seenPreview = preview;
    if (!preview || !this.#preview.body || !this.me) return;
    this.fieldErrors = { body: this.#preview.body, errors: preview.errors };
    const { maxHours } = constraintsOf(preview.groups);
    if (!this.draft.durationTouched) {
      const wanted = String(Math.min(this.me.org.default_duration_hours, maxHours ?? Infinity));
      if (wanted !== this.draft.duration) this.#patch({ duration: wanted });
    }
  }

  /** The custom fields the last preview's flows ask (only their answers are sent). */
  #fields(): CustomField[] {
    return fieldsOf(this.#preview.preview?.groups ?? []);
  }

  #syncFormValue(): void {
    const body = this.me && !this.done ? requestBody(this.draft, 'submit', this.#fields()) : undefined;
    this.#internals.setFormValue(body ? JSON.stringify(body) : null);
    const errors = this.me ? this.#errors().own : new Map();
    const first = [...errors.values()][0];
    if (!body) this.#internals.setValidity({ valueMissing: true }, first ?? msg('Choose what to request.'));
    else if (first) this.#internals.setValidity({ customError: true }, first);
    else this.#internals.setValidity({});
  }

  // ---- errors

  /** The errors as the form stands, worked out once per change. */
  #errors(): ErrorState {
    const inputs = [
      this.draft,
      this.#preview.preview,
      this.fieldErrors,
      this.touched,
      this.attempted,
      this.nextAttempted,
      this.me,
    ];
    let cached = this.#errorCache;
    if (!cached || inputs.some((input, i) => input !== cached?.inputs[i])) {
      const own = clientErrors(
        this.draft,
        constraintsOf(this.#preview.preview?.groups ?? []),
        this.me?.org.ticket_types ?? [],
        this.#locale,
      );
      const shown = (place: Place) =>
        this.attempted || this.touched.has(place) || (place === 'target' && this.nextAttempted);
      cached = {
        inputs,
        state: errorState(own, this.fieldErrors, previewBody(this.draft, this.#fields()), shown),
      };
      this.#errorCache = cached;
    }
    return cached.state;
  }

  #errorOf = (place: Place): ShownError | undefined => shownError(place, this.#errors());

  /**
   * Focus to the first problem: what/for whom, then the first resource row, then the first field, else the
   * message.
   */
  async #focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    const root = this.renderRoot;
    const summary = root.querySelector<HTMLElement>('[data-focus-error]');
    if (summary) return summary.focus();
    const row =
      this.draft.tab === 'resources'
        ? [...this.draft.selection.keys()].findIndex((_, i) => this.#errorOf(`row-${i}`))
        : -1;
    if (row >= 0 && (await this.#reviewRows.focusRow(row, 'permission'))) return;
    (
      root.querySelector<HTMLElement>('.fields [aria-invalid="true"]') ??
      root.querySelector<HTMLElement>('[part="form-error"]')
    )?.focus();
  }

  async #focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }

  // ---- user actions

  #select = (items: readonly SelectedResource[], how: SelectionHow, counts?: MatchCounts): void => {
    const cap = this.me?.org.max_resources_per_request ?? LIMITS.resourcesPerRequest.maxItems;
    const { selection, added, skipped } = addToSelection(this.draft.selection, items, cap);
    const matching = counts && { ...counts, fetched: items.length };
    const said = selectionMessage(how, added, skipped, cap, this.#locale, matching);
    const leftOut = skipped + (matching ? matching.total - matching.fetched : 0);
    this.message = leftOut ? '' : said;
    this.refusal = leftOut ? said : '';
    if (added === 0) {
      this.requestUpdate();
      return;
    }
    this.#patch({ selection });
    fire(this, 'selection-changed', { count: selection.size });
  };

  #deselect = (resourceId: string): void => {
    const selection = new Map(this.draft.selection);
    selection.delete(resourceId);
    this.message = '';
    this.refusal = '';
    this.#patch({ selection });
    fire(this, 'selection-changed', { count: selection.size });
  };

  #setPermission = (resourceId: string, permissionId: string): void => {
    const current = this.draft.selection.get(resourceId);
    if (!current) return;
    const selection = new Map(this.draft.selection);
    selection.set(resourceId, { ...current, permissionId });
    this.#patch({ selection });
  };

  #clearAll = (): void => {
    this.#patch({ selection: new Map() });
    this.message = msg('The selection was cleared.');
    fire(this, 'selection-changed', { count: 0 });
    // Clear all is now disabled: focus goes back to the search rather than to the page's body.
    void this.#focusSearch();
  };

  #remove = (resourceId: string, index: number): void => {
    this.#deselect(resourceId);
    this.#announcer.announce(msg('Removed from the selection.'));
    const left = this.draft.selection.size;
    if (left > 0) void this.#reviewRows.focusRow(Math.min(index, left - 1), 'remove');
    else void this.#focusSearch();
  };

  async #focusSearch(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
  }

  #setTab = (tab: Tab, focus: boolean): void => {
    if (tab !== this.draft.tab) {
      this.message = '';
      this.refusal = '';
      this.#patch({ tab });
    }
    if (focus)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  };

  #next = (): void => {
    this.nextAttempted = true;
    if (!hasTarget(this.draft)) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('#target-error')?.focus(),
      );
      return;
    }
    this.#resetMessages();
    this.#patch({ step: 'details' });
    void this.#focusTitle();
  };

  #back = (): void => {
    this.formError = '';
    this.#patch({ step: 'choose' });
    void this.#focusTitle();
  };

  #submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const client = this.activeClient;
    const me = this.me;
    if (this.sending || !client || !me) return;
    this.attempted = true;
    if (this.#errors().own.size > 0) {
      this.formError = '';
      this.#announcer.announce(msg('Check the highlighted fields.'));
      await this.#focusFirstInvalid();
      return;
    }
    const fields = this.#fields();
    const body = requestBody(this.draft, 'submit', fields);
    if (!body) return;
    const idempotency = idempotencyFor(this.draft, body);
    this.#patch({ idempotency });
    this.#keeper.saveNow();
    this.sending = true;
    this.formError = '';
    try {
      const requests = await client.submit(body, {
        idempotencyKey: idempotency.key,
        ...this.#retryWait.begin(),
      });
      publishRequests(client, ...requests);
      clearDraft(me.user.id);
      const fresh = await client.me().catch(() => me);
      this.#submitted.show(client, requests, fresh.org.notification_channel);
      this.done = true;
      this.notice = '';
      this.#announcer.announce(msg('Your request was submitted.'));
      fire(this, 'request-submitted', { requests });
      void this.#focusTitle();
    } catch (error) {
      if (this.#retryWait.cancelled(error)) {
        this.formError = msg(
          'Submission cancelled. Everything you entered is kept; submit it again when you are ready.',
        );
        void this.#focusFirstInvalid();
        return;
      }
      const failure = failureOf(
        error,
        (place) => !place.startsWith('custom-') || fields.some((f) => `custom-${f.id}` === place),
      );
      if (failure.newKey) this.#patch({ idempotency: undefined });
      if (failure.fieldErrors.length) this.fieldErrors = { body, errors: failure.fieldErrors };
      this.formError = failure.message;
      void this.#focusFirstInvalid();
    } finally {
      this.#retryWait.end();
      this.sending = false;
    }
  };

  #startOver = (): void => {
    const me = this.me;
    this.#submitted.clear();
    this.#preview.reset();
    this.#resetMessages();
    this.notice = '';
    this.done = false;
    this.draft = {
      ...emptyDraft(me?.org.default_duration_hours),
      grantee: me ? selfOf(me) : undefined,
      prefillKey: this.draft.prefillKey,
    };
    if (me) clearDraft(me.user.id);
    void this.#focusTitle();
  };

  #onField = (patch: Partial<Draft>, place: Place): void => {
    this.#patch(patch);
    if (place === 'ticket-type') this.touched = new Set([...this.touched, place]);
  };

  // ---- rendering

  protected override render() {
    if (this.loadError) {
      return renderRetry({
        message: msg('The form could not be loaded.'),
        error: this.loadError,
        onRetry: () => this.#load(),
        part: 'form-error',
        primary: true,
      });
    }
    if (!this.me)
      return html`<p class="state" role="status" aria-busy="true">${msg('Loading…')}</p>
        ${this.#announcer.render()}`;
    const body = this.done
      ? this.#submitted.render({
          locale: this.#locale,
          myRequestsHref: this.myRequestsHref,
          onMyRequests: () => fire(this, 'my-requests-requested', {}),
          onNewRequest: this.#startOver,
        })
      : this.draft.step === 'details'
        ? this.#renderDetails(this.me)
        : this.#renderChoose(this.me);
    const notice =
      this.notice && !this.done
        ? html`<p part="prefill-notice" class="prefill-notice">${this.notice}</p>`
        : nothing;
    return html`${notice}${body}${this.#announcer.render()}`;
  }

  #renderReview(me: Me) {
    return renderReview({
      locale: this.#locale,
      cap: me.org.max_resources_per_request,
      items: [...this.draft.selection.values()],
      rows: this.#reviewRows,
      rowErrors: (index) => [this.#errorOf(`row-${index}`)?.text ?? ''].filter(Boolean),
      onPermission: this.#setPermission,
      onRemove: this.#remove,
    });
  }

  #renderChoose(me: Me) {
    return renderChoose({
      draft: this.draft,
      people: this.#people,
      picker: this.#picker,
      pickerView: {
        locale: this.#locale,
        cap: me.org.max_resources_per_request,
        draft: this.draft,
        message: this.message,
        refusal: this.refusal,
        onQuery: (patch) => this.#patch(patch),
        onSelect: this.#select,
        onSelectFailed: (error) => {
          this.message = '';
          this.refusal = `${msg('The matching resources could not be selected.')} ${problemText(error)}`;
        },
        onDeselect: this.#deselect,
        onPermission: this.#setPermission,
        onClearAll: this.#clearAll,
      },
      choice: this.#choice,
      review: this.#renderReview(me),
      granteeError: this.#errorOf('grantee'),
      targetError: this.#errorOf('target'),
      onTab: this.#setTab,
      onPatch: (patch) => this.#patch(patch),
      onNext: this.#next,
    });
  }

  #renderDetails(me: Me) {
    const draft = this.draft;
    const rowErrors =
      draft.tab === 'resources' && [...draft.selection.keys()].some((_, i) => this.#errorOf(`row-${i}`));
    const details = renderDetails({
      locale: this.#locale,
      draft,
      ticketTypes: me.org.ticket_types,
      constraints: constraintsOf(this.#preview.preview?.groups ?? []),
      serverNow: this.#preview.serverNow(),
      errorOf: this.#errorOf,
      onChange: this.#onField,
      onBlur: (place) => (this.touched = new Set([...this.touched, place])),
      onAnswer: (id, value) => this.#patch({ customFields: { ...this.draft.customFields, [id]: value } }),
      preview: this.#preview,
      formError: this.formError,
      sending: this.sending,
      retryWait: this.#retryWait.render(this.#locale),
      review: rowErrors ? this.#renderReview(me) : nothing,
      onBack: this.#back,
      onSubmit: (event) => void this.#submit(event),
    });
    return html`${details}${this.#templates.render(this.activeClient, draft)}`;
  }
}
