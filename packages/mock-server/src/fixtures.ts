/**
 * The reference server's documented users. Their bearer tokens are fixed so that integrators' tests
 * can sign in as any of them: `demo-alice` (a requester), `demo-bob` (Alice's manager and an
 * approver), `demo-carol` (a second approver), `demo-dave` (a teammate Alice may request for).
 *
 * @example
 * ```ts
 * import { DEMO_USERS } from '@access-requests/mock-server';
 *
 * const bob = createAccessClient({ baseUrl, token: DEMO_USERS.bob.token });
 * const { items } = await bob.approvals({ status: 'pending' }).page();
 * ```
 */
export const DEMO_USERS = {
  alice: { token: 'demo-alice', userId: 'usr_alice', role: 'requester', description: 'A requester.' },
  bob: {
    token: 'demo-bob',
    userId: 'usr_bob',
    role: 'approver',
    description: "Alice's manager and an approver.",
  },
  carol: { token: 'demo-carol', userId: 'usr_carol', role: 'approver', description: 'A second approver.' },
  dave: {
    token: 'demo-dave',
    userId: 'usr_dave',
    role: 'teammate',
    description: 'A teammate Alice may request access for.',
  },
} as const;

/**
 * A key of `DEMO_USERS`: `alice`, `bob`, `carol` or `dave`.
 *
 * @example
 * ```ts
 * const as = (name: DemoUserName) => createAccessClient({ baseUrl, token: DEMO_USERS[name].token });
 * ```
 */
export type DemoUserName = keyof typeof DEMO_USERS;
