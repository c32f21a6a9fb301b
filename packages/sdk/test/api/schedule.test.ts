// A scheduled start through the SDK against the reference server: preview answers each flow's
// window, submit passes `starts_at` through (the request waits in `scheduled`, then is granted at the
// start and expires `duration_hours` after it), and a start in the past is a field error.
import { apiBase, assert, beforeEach, describe, it } from '#harness';
import { ApiError } from '../../src/index.js';
import { clientFor, control, fixtures } from './support.js';

const HOUR_MS = 3_600_000;

/** The whole hour `hours` after the reference server's clock (frozen, on an hour after a reset). */
async function hoursAhead(hours: number): Promise<string> {
  const { now } = (await (await fetch(`${apiBase()}/_control/clock`)).json()) as { now: string };
  return new Date(Math.ceil(Date.parse(now) / HOUR_MS) * HOUR_MS + hours * HOUR_MS).toISOString();
}

describe('a scheduled start', () => {
  beforeEach(() => control.reset());

  it('is previewed with each flow’s window and submitted: scheduled, then active at the start', async () => {
    const alice = clientFor('demo-alice');
    const startsAt = await hoursAhead(2);
    const body = {
      resources: [fixtures.stagingDb],
      duration_hours: 3,
      justification: 'The maintenance window.',
      starts_at: startsAt,
    };
    const preview = await alice.preview(body);
    assert.deepEqual(preview.errors, []);
    assert.equal(preview.groups[0]?.max_start_ahead_hours, 168);

    const [created] = await alice.submit(body);
    assert.equal(created?.status, 'scheduled');
    assert.equal(Date.parse(created?.starts_at ?? ''), Date.parse(startsAt));
    assert.equal(created?.can.revoke, true);

    await control.advance(2 * 3600 + 6);
    const active = await alice.request(created.id);
    assert.equal(active.status, 'active');
    assert.equal(Date.parse(active.expires_at ?? ''), Date.parse(startsAt) + 3 * HOUR_MS);
  });

  it('in the past is a 422 with the error on starts_at, and nothing is created', async () => {
    const alice = clientFor('demo-alice');
    const before = (await alice.requests().page({ limit: 500 })).items.length;
    let problem: unknown;
    try {
      await alice.submit({
        resources: [fixtures.stagingDb],
        duration_hours: 1,
        starts_at: await hoursAhead(-1),
      });
    } catch (error) {
      problem = error;
    }
    assert.ok(problem instanceof ApiError, String(problem));
    assert.equal(problem.status, 422);
    assert.deepEqual(
      problem.fieldErrors.map((e) => `${e.field} ${e.code}`),
      ['starts_at out_of_range'],
    );
    assert.equal((await alice.requests().page({ limit: 500 })).items.length, before);
  });
});
