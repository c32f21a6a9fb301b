/**
 * The reference server's documented users. Their bearer tokens are fixed so that integrators' tests
 * can sign in as any of them.
 */
export const DEMO_USERS = {
  alice: { token: 'demo-alice', userId: 'usr_alice', role: 'requester', description: 'A requester.' },
  bob: { token: 'demo-bob', userId: 'usr_bob', role: 'approver', description: "Alice's manager and an approver." },
  carol: { token: 'demo-carol', userId: 'usr_carol', role: 'approver', description: 'A second approver.' },
  dave: { token: 'demo-dave', userId: 'usr_dave', role: 'teammate', description: 'A teammate Alice may request access for.' },
} as const;

export type DemoUserName = keyof typeof DEMO_USERS;
