/** The people of the demo organization and its settings. */
import { LIMITS } from '@access-requests/contract';
import type { OrgSettingsRecord, UserRecord } from './model.js';
import type { Random } from './random.js';

/** The four documented demo users (their tokens are in `../fixtures.ts`). */
export const USER_IDS = {
  alice: 'usr_alice',
  bob: 'usr_bob',
  carol: 'usr_carol',
  dave: 'usr_dave',
} as const;

const DEMO_USERS: readonly UserRecord[] = [
  { id: USER_IDS.alice, name: 'Alice Example', email: 'alice@example.com' },
  { id: USER_IDS.bob, name: 'Bob Example', email: 'bob@example.com' },
  { id: USER_IDS.carol, name: 'Carol Example', email: 'carol@example.com' },
  { id: USER_IDS.dave, name: 'Dave Example', email: 'dave@example.com' },
];

const FIRST_NAMES =
  'Erin Frank Grace Heidi Ivan Judy Mallory Niaj Olivia Peggy Rupert Sybil Trent Victor Walter Yara Zoltan Amara Bruno Chidi Dalia Emeka'.split(
    ' ',
  );
const LAST_NAMES =
  'Okafor Lindqvist Moreau Tanaka Novak Haddad Ferreira Kowalski Osei Larsen Brennan Castillo Ishikawa Mendes Petrov Quinn'.split(
    ' ',
  );

/** How many generated colleagues the world has besides the four demo users. */
const COLLEAGUE_COUNT = 6;

/** The demo users, then a few seeded colleagues (they request access and appear in approvers' queues). */
export function generateUsers(random: Random): UserRecord[] {
  const firstNames = random.shuffle(FIRST_NAMES).slice(0, COLLEAGUE_COUNT);
  const colleagues = firstNames.map((first) => {
    const last = random.pick(LAST_NAMES);
    const slug = first.toLowerCase();
    return {
      id: `usr_${slug}`,
      name: `${first} ${last}`,
      email: `${slug}.${last.toLowerCase()}@example.com`,
    };
  });
  return [...DEMO_USERS, ...colleagues];
}

/**
 * Who may request for whom (the guide's "Request on Behalf of"), each list starting with the user:
 * Alice may request for Dave; Bob, her manager, for Alice and Dave; everyone else only for themself.
 */
export function granteesByRequester(users: readonly UserRecord[]): Map<string, readonly string[]> {
  const onBehalf: Record<string, readonly string[]> = {
    [USER_IDS.alice]: [USER_IDS.dave],
    [USER_IDS.bob]: [USER_IDS.alice, USER_IDS.dave],
  };
  return new Map(users.map((user) => [user.id, [user.id, ...(onBehalf[user.id] ?? [])]]));
}

export const ORG_SETTINGS: OrgSettingsRecord = {
  maxResourcesPerRequest: LIMITS.resourcesPerRequest.maxItems,
  ticketTypes: [
    { id: 'tt_jira', name: 'Jira', idPattern: '^[A-Z][A-Z0-9]+-[0-9]+$', example: 'PAY-4821' },
    { id: 'tt_servicenow', name: 'ServiceNow', idPattern: '^(INC|CHG|RITM)[0-9]{7}$', example: 'INC0012345' },
    { id: 'tt_other', name: 'Other', example: 'any reference' },
  ],
  notificationChannel: 'slack',
  defaultDurationHours: 4,
};
