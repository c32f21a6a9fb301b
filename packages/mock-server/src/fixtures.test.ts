import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEMO_USERS } from './fixtures.js';
import { CONTRACT_PATH } from './testing/load-contract.js';

describe('documented fixtures', () => {
  it('are the four demo users the contract documents, with their tokens', () => {
    const contract = readFileSync(CONTRACT_PATH, 'utf8');
    assert.deepEqual(
      Object.values(DEMO_USERS).map((u) => u.token),
      ['demo-alice', 'demo-bob', 'demo-carol', 'demo-dave'],
    );
    for (const user of Object.values(DEMO_USERS)) {
      assert.ok(contract.includes(`\`${user.token}\``), `the contract does not document ${user.token}`);
    }
  });
});
