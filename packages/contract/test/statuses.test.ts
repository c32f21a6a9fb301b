import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  STATUSES,
  STATUS_IDS,
  TERMINAL_STATUSES,
  isStatus,
  statusInfo,
} from '../src/index.js';

const contract = parse(readFileSync(new URL('../access-requests.yaml', import.meta.url), 'utf8'));
const statusSchema = contract.components.schemas.AccessRequestStatus as {
  enum: string[];
  description: string;
};

describe('status vocabulary', () => {
  it('lists exactly the contract’s statuses, in its order', () => {
    assert.deepEqual([...STATUS_IDS], statusSchema.enum);
  });

  it('uses the labels and meanings the contract documents in prose', () => {
    for (const status of STATUSES) {
      assert.ok(
        statusSchema.description.includes(`**${status.label}**: ${status.description}`),
        `contract prose lacks ${status.id}`,
      );
    }
  });

  it('lists each phase as the vocabulary marks it', () => {
    assert.deepEqual(
      [...OPEN_STATUSES],
      STATUSES.filter((s) => s.phase === 'open').map((s) => s.id),
    );
    assert.deepEqual(
      [...CLOSED_STATUSES],
      STATUSES.filter((s) => s.phase === 'closed').map((s) => s.id),
    );
    assert.deepEqual(
      [...TERMINAL_STATUSES],
      STATUSES.filter((s) => s.terminal).map((s) => s.id),
    );
  });

  it('splits open from closed as the contract does', () => {
    assert.deepEqual([...OPEN_STATUSES], ['pending_approval', 'scheduled', 'granting', 'active', 'revoking']);
    assert.deepEqual([...CLOSED_STATUSES], ['rejected', 'revoked', 'failed']);
    assert.deepEqual([...TERMINAL_STATUSES], ['rejected', 'revoked', 'failed']);
  });

  it('looks statuses up and refuses strangers', () => {
    assert.equal(statusInfo('pending_approval').label, 'Pending Approval');
    assert.equal(statusInfo('failed').tone, 'negative');
    assert.equal(isStatus('active'), true);
    assert.equal(isStatus('approved'), false);
    assert.equal(isStatus(undefined), false);
    // @ts-expect-error not a status
    assert.throws(() => statusInfo('approved'), /Unknown access request status/);
  });
});
