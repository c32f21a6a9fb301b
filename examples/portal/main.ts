// The demo portal: a header with the demo user switcher, a nav with one active page, and the pages.
// To add a page, write a `Page` (pages/page.ts) and list it in PAGES.
import '@access-requests/elements/define.js';
import { createAccessClient } from '@access-requests/sdk';
import { approvalsPage } from './pages/approvals.js';
import { myAccessPage } from './pages/my-access.js';
import { myRequestsPage } from './pages/my-requests.js';
import { newRequestPage } from './pages/new-request.js';
import { el, type Page } from './pages/page.js';
import { DEMO_USERS, currentUser, rememberUser } from './users.js';

const PAGES: readonly Page[] = [newRequestPage, myRequestsPage, myAccessPage, approvalsPage];

const provider = document.querySelector('access-requests-provider')!;
const main = document.querySelector<HTMLElement>('#page')!;
const nav = document.querySelector<HTMLElement>('#nav')!;
const switcher = document.querySelector<HTMLSelectElement>('#user-switch')!;
const signedIn = document.querySelector<HTMLElement>('#signed-in')!;

let user = currentUser();
let cleanup: void | (() => void);

function route(): { page: Page; query: URLSearchParams } {
  const [path = '', search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { page: PAGES.find((p) => p.id === path) ?? PAGES[0]!, query: new URLSearchParams(search) };
}

function navigate(id: string, query: Record<string, string> = {}): void {
  const search = new URLSearchParams(query).toString();
  location.hash = `#/${id}${search ? `?${search}` : ''}`;
}

function render(): void {
  const { page, query } = route();
  cleanup?.();
  nav.replaceChildren(
    el('ul', {}, ...PAGES.map((p) => el('li', {}, el('a', { href: `#/${p.id}`, ...(p === page ? { 'aria-current': 'page' } : {}) }, p.label)))),
  );
  main.replaceChildren();
  const client = createAccessClient({ baseUrl: location.origin, token: user.token });
  cleanup = page.mount(main, { client, user, navigate, query });
  document.title = `${page.label} — Access requests demo`;
}

async function signIn(): Promise<void> {
  provider.baseUrl = location.origin;
  provider.token = user.token;
  signedIn.textContent = `Signed in as ${user.name} (${user.role})`;
  try {
    const me = await createAccessClient({ baseUrl: location.origin, token: user.token }).me();
    signedIn.textContent = `Signed in as ${me.user.name} (${user.role})`;
  } catch {
    signedIn.textContent = `${user.name}: the reference server did not answer`;
  }
}

switcher.append(...DEMO_USERS.map((u) => el('option', { value: u.token }, `${u.name} — ${u.role}`)));
switcher.value = user.token;
switcher.addEventListener('change', () => {
  user = DEMO_USERS.find((u) => u.token === switcher.value) ?? DEMO_USERS[0]!;
  rememberUser(user);
  void signIn();
  render();
});
window.addEventListener('hashchange', render);

void signIn();
render();
