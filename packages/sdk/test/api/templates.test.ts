// The template calls against the reference server: save, list, read by link as another user (with
// what they cannot request), rename, delete, field errors under `request.`, and a retried save with the
// same Idempotency-Key that replays the first answer instead of saving twice.
import { assert, beforeEach, describe, it } from '#harness';
import { ApiError } from '../../src/index.js';
import { clientFor, control, fixtures } from './support.js';

async function problemOf(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof ApiError, String(error));
    return error;
  }
  throw new assert.AssertionError({ message: 'the call succeeded' });
}

describe('templates', () => {
  beforeEach(() => control.reset());

  it('saves, lists, reads by link, renames and deletes a template', async () => {
    const alice = clientFor('demo-alice');
    const saved = await alice.createTemplate({
      name: 'Staging database',
      request: { resources: [fixtures.stagingDb], duration_hours: 2, justification: 'Load tests.' },
    });
    assert.equal(saved.name, 'Staging database');
    assert.deepEqual(saved.unavailable, []);
    const listed = await alice.templates().page();
    assert.deepEqual(
      listed.items.map((t) => t.id),
      [saved.id],
    );
    const shared = await clientFor('demo-dave').template(saved.id);
    assert.equal(shared.owner.id, 'usr_alice');
    assert.deepEqual(shared.can, { rename: false, delete: false });
    const renamed = await alice.renameTemplate(saved.id, { name: 'Staging DB (load tests)' });
    assert.equal(renamed.name, 'Staging DB (load tests)');
    await alice.deleteTemplate(saved.id);
    assert.equal((await problemOf(alice.template(saved.id))).status, 404);
  });

  it('names the fields a bad template breaks, under request.', async () => {
    const error = await problemOf(
      clientFor('demo-alice').createTemplate({
        name: 'Too long',
        request: { resources: [fixtures.stagingDb], duration_hours: 8760 },
      }),
    );
    assert.equal(error.status, 422);
    assert.deepEqual(
      error.fieldErrors.map((e) => `${e.field} ${e.code}`),
      ['request.duration_hours out_of_range'],
    );
  });

  it('replays a save sent again with its Idempotency-Key', async () => {
    const alice = clientFor('demo-alice');
    const body = { name: 'Once', request: { resources: [fixtures.stagingDb] } };
    const first = await alice.createTemplate(body, { idempotencyKey: 'template-once' });
    const again = await alice.createTemplate(body, { idempotencyKey: 'template-once' });
    assert.equal(again.id, first.id);
    assert.equal((await alice.templates().page()).items.length, 1);
  });
});
