// Step one, "New Request": the tabs All Resources, Apps and Bundles (a tab list with arrow keys),
// Request on Behalf of, and the tab's choice; Next leads to the details.
import { html, nothing } from 'lit';
import { msg } from '../../internal/locale.js';
import type { CatalogChoice } from './catalog-choice.js';
import { errorText } from './details-step.js';
import { TABS, type App, type Bundle, type Draft, type Tab } from './draft.js';
import type { PeoplePicker } from './people-picker.js';
import type { PickerView, ResourcePicker } from './resource-picker.js';
import type { ShownError } from './validation.js';

export interface ChooseView {
  readonly draft: Draft;
  readonly people: PeoplePicker;
  readonly picker: ResourcePicker;
  readonly pickerView: PickerView;
  readonly choice: CatalogChoice;
  /** The selection review, rendered. */
  readonly review: unknown;
  readonly granteeError: ShownError | undefined;
  readonly targetError: ShownError | undefined;
  readonly onTab: (tab: Tab, focus: boolean) => void;
  readonly onPatch: (patch: Partial<Draft>) => void;
  readonly onNext: () => void;
}

const tabLabel = (tab: Tab) =>
  tab === 'apps' ? msg('Apps') : tab === 'bundles' ? msg('Bundles') : msg('All Resources');

/** Left and Right (mirrored in right-to-left text), Home and End move between the tabs and open them. */
function onTabKeydown(view: ChooseView) {
  return (event: KeyboardEvent) => {
    const index = TABS.indexOf(view.draft.tab);
    const forward =
      getComputedStyle(event.currentTarget as Element).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    const moves: Record<string, number> = {
      [forward]: index + 1,
      [backward]: index - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = TABS[(next + TABS.length) % TABS.length];
    if (tab) view.onTab(tab, true);
  };
}

function renderTabPanel(view: ChooseView, targetError: unknown) {
  const { draft } = view;
  const choice = {
    locale: view.pickerView.locale,
    draft,
    onApp: (app: App, permissionId: string) => view.onPatch({ app: { app, permissionId } }),
    onBundle: (bundle: Bundle) => view.onPatch({ bundle }),
    error: targetError,
    errorId: view.targetError?.id,
  };
  if (draft.tab === 'apps') return view.choice.renderApps(choice);
  if (draft.tab === 'bundles') return view.choice.renderBundles(choice);
  return html`<div class="resources-layout">
    <div class="picker">${view.picker.render(view.pickerView)} ${targetError}</div>
    ${view.review}
  </div>`;
}

export function renderChoose(view: ChooseView) {
  const { draft, targetError } = view;
  const targetMessage = targetError
    ? html`<p class="field-error" id=${targetError.id} tabindex="-1" role="alert">${targetError.text}</p>`
    : nothing;
  return html`<section class="step" aria-labelledby="step-title">
    <h2 id="step-title" class="step-title" part="step-title" tabindex="-1">${msg('New Request')}</h2>
    <div
      role="tablist"
      part="tabs"
      class="tabs"
      aria-label=${msg('What to request')}
      @keydown=${onTabKeydown(view)}
    >
      ${TABS.map(
        (tab) =>
          html`<button
            type="button"
            role="tab"
            id=${`tab-${tab}`}
            part=${tab === draft.tab ? 'tab tab-selected' : 'tab'}
            class="tab"
            aria-selected=${tab === draft.tab ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${tab === draft.tab ? 0 : -1}
            @click=${() => view.onTab(tab, false)}
          >
            ${tabLabel(tab)}
          </button>`,
      )}
    </div>
    <div role="tabpanel" id="panel" part="panel" class="panel" aria-labelledby=${`tab-${draft.tab}`}>
      ${view.people.render(view.granteeError?.id, errorText(view.granteeError))}
      ${renderTabPanel(view, targetMessage)}
    </div>
    <div class="actions" part="actions">
      <button
        type="button"
        class="button primary"
        part="next"
        aria-describedby=${targetError?.id ?? nothing}
        @click=${view.onNext}
      >
        ${msg('Next')}
      </button>
    </div>
  </section>`;
}
