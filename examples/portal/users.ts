// The reference server's demo users, and which one the portal acts as (kept for the browser tab).
export interface DemoUser {
  readonly token: string;
  readonly name: string;
  readonly role: string;
}

/** Alice first: the user the portal starts as. */
export const DEMO_USERS: readonly [DemoUser, ...DemoUser[]] = [
  { token: 'demo-alice', name: 'Alice', role: 'requester' },
  { token: 'demo-bob', name: 'Bob', role: 'approver' },
  { token: 'demo-carol', name: 'Carol', role: 'approver' },
  { token: 'demo-dave', name: 'Dave', role: 'teammate' },
];

const KEY = 'access-requests-demo-user';

export function currentUser(): DemoUser {
  const token = sessionStorage.getItem(KEY);
  return DEMO_USERS.find((u) => u.token === token) ?? DEMO_USERS[0];
}

export function rememberUser(user: DemoUser): void {
  sessionStorage.setItem(KEY, user.token);
}
