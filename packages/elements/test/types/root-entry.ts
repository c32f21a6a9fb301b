// What a host that imports the package root (classes only, nothing registered) gets from TypeScript:
// the default tag names typed as our classes. Checked by the package's `typecheck`.
import type {
  AccessNotificationDetail,
  AccessPortal,
  RequestEventDetail,
  RequestList,
  StatusBadge,
  ViewChangeRequestedDetail,
} from '@access-requests/elements';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(verdict: Equal<A, B>) => verdict;

export function typedByTagName(): void {
  const list = document.createElement('request-list');
  same<typeof list, RequestList>(true);
  const found = document.querySelector('status-badge');
  same<typeof found, StatusBadge | null>(true);
  same<HTMLElementTagNameMap['access-portal'], AccessPortal>(true);
  list.scope = 'on_behalf';

  // @ts-expect-error — a list is no badge
  const badge: StatusBadge = document.createElement('request-list');
  // @ts-expect-error — a tag of no one's is a plain HTMLElement
  const other: RequestList = document.createElement('requests-list');
  // @ts-expect-error — the scopes are typed
  list.scope = 'everyone';
  void badge;
  void other;
}

export function everyEventTypedFromTheRoot(): void {
  // Every event any element fires is typed for a host that imports only the root.
  document.addEventListener('view-change-requested', (event) =>
    same<typeof event, CustomEvent<ViewChangeRequestedDetail>>(true),
  );
  document.addEventListener('access-notification-received', (event) =>
    same<typeof event, CustomEvent<AccessNotificationDetail>>(true),
  );
  document.addEventListener('access-details-requested', (event) =>
    same<typeof event, CustomEvent<RequestEventDetail>>(true),
  );
  document.addEventListener('request-approved', (event) =>
    same<typeof event, CustomEvent<RequestEventDetail>>(true),
  );
  document.addEventListener('request-rejected', (event) =>
    same<typeof event, CustomEvent<RequestEventDetail>>(true),
  );
  document.addEventListener('request-selected', (event) =>
    same<typeof event, CustomEvent<RequestEventDetail>>(true),
  );
}
