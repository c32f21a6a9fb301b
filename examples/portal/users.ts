// The reference server's demo users, and which one the portal acts as (kept for the browser tab).
// The page and the tab's storage know a user by key only (`alice`): a token lives in this module's
// memory and is read when a client is made, never written to the DOM or to storage.
export interface DemoUser {
  readonly key: string;
  readonly name: string;
  readonly role: string;
}

/** Alice first: the user the portal starts as. */
export const DEMO_USERS: readonly [DemoUser, ...DemoUser[]] = [
  { key: 'alice', name: 'Alice', role: 'requester' },
  { key: 'bob', name: 'Bob', role: 'approver' },
  { key: 'carol', name: 'Carol', role: 'approver' },
  { key: 'dave', name: 'Dave', role: 'teammate' },
];

const TOKENS: ReadonlyMap<string, string> = new Map(DEMO_USERS.map(({ key }) => [key, `demo-${key}`]));

/** The reference server's bearer token of a demo user. */
export function tokenOf(user: DemoUser): string {
  const token = TOKENS.get(user.key);
  if (token === undefined) throw new Error(`No demo user ${user.key}.`);
  return token;
}

/** The demo user with this key, or Alice. */
export function userByKey(key: string | null): DemoUser {
  return DEMO_USERS.find((u) => u.key === key) ?? DEMO_USERS[0];
}

const KEY = 'access-requests-demo-user';

export function currentUser(): DemoUser {
  return userByKey(sessionStorage.getItem(KEY));
}

export function rememberUser(user: DemoUser): void {
  sessionStorage.setItem(KEY, user.key);
}
