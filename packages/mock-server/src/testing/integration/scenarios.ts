// Over 400 lines: one scenario per lifecycle path and refusal, shared by the in-process and HTTP runners.
/**
 * The reference server end to end, as a client sees it: every lifecycle path, bad input, every
 * authorization refusal, idempotent replay and the event stream. Registered by two test files, one
 * over real HTTP and one in-process (msw setupServer), so both ways of running it keep the same
 * behaviour. Deterministic: the clock is frozen (speed 0) and advanced by hand.
 */
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Schemas } from '../../backend/api.js';
import { DEMO_USERS } from '../../fixtures.js';
import { readEvents, SseParser, type SseEvent } from '../sse.js';
import { assertProblem, client, pair, type AccessRequest, type Target } from './client.js';

const PROD_DB = {
  resources: [pair('res_prod_orders_db', 'perm_pg_readonly')],
  duration_hours: 8,
  justification: 'Q2 audit of order exports.',
};
const STAGING_DB = { resources: [pair('res_staging_payments_db', 'perm_pg_readonly')], duration_hours: 2 };
const PROD_CLOUD = {
  resources: [pair('res_aws_1234', 'perm_aws_readonly')],
  duration_hours: 4,
  justification: 'Check the cost anomaly.',
  ticket: { type_id: 'tt_jira', id: 'PAY-4821' },
  custom_fields: { change_type: 'investigation' },
};
const SAAS_ADMIN = {
  resources: [pair('res_github_payments_api', 'perm_github_admin')],
  duration_hours: 2,
  justification: 'Branch protection.',
};
const LEGACY_CRM = { resources: [pair('res_crm_prod_accounts', 'perm_crm_editor')], duration_hours: 2 };

const SECOND = 1000;
const HOUR = 3_600_000;

export function apiScenarios(target: () => Target): void {
  const alice = () => client(target(), 'alice');
  const bob = () => client(target(), 'bob');
  const carol = () => client(target(), 'carol');
  const dave = () => client(target(), 'dave');
  const advance = (milliseconds: number) => target().control.advance({ milliseconds });
  const history = () => target().backend.history;

  beforeEach(() => target().control.reset({ seed: 1, speed: 0 }));

  describe('the seeded world', () => {
    it('knows the four demo users by their tokens', async () => {
      for (const [name, user] of Object.entries(DEMO_USERS)) {
        const me = await client(target(), name as keyof typeof DEMO_USERS).get<Schemas['Me']>('/v1/me');
        assert.equal(me.status, 200);
        assert.equal(me.body.user.id, user.userId);
        assert.equal(me.body.org.max_resources_per_request, 1000);
      }
      const grantees = await alice().get<Schemas['GranteePage']>('/v1/grantees');
      assert.equal(grantees.body.items[0]?.id, 'usr_alice');
      assert.equal(grantees.body.items[0]?.is_self, true);
    });

    it('serves the catalog, searchable and paged', async () => {
      for (const path of [
        '/v1/catalog/resource-types',
        '/v1/catalog/permissions',
        '/v1/catalog/apps',
        '/v1/catalog/bundles',
      ]) {
        const reply = await alice().get<{ items: unknown[] }>(path);
        assert.equal(reply.status, 200, path);
        assert.ok(reply.body.items.length > 0, path);
      }
      const page = await alice().get<Schemas['ResourcePage']>(
        '/v1/catalog/resources?search=prod-orders&limit=2',
      );
      assert.equal(page.body.items.length, 2);
      assert.ok(page.body.next_cursor);
      const next = await alice().get<Schemas['ResourcePage']>(
        `/v1/catalog/resources?search=prod-orders&limit=2&cursor=${encodeURIComponent(page.body.next_cursor)}`,
      );
      assert.equal(next.status, 200);
      assert.notEqual(next.body.items[0]?.id, page.body.items[0]?.id);
      const filtered = await alice().get<Schemas['ResourcePage']>(
        '/v1/catalog/resources?permission_id[]=perm_pg_admin&permission_id[]=perm_aws_admin&limit=500',
      );
      assert.ok(
        filtered.body.items.every((r) =>
          r.permissions.some((p) => p.id === 'perm_pg_admin' || p.id === 'perm_aws_admin'),
        ),
      );
    });

    it("lists the seeded history: alice's requests, bob's approvals, my access", async () => {
      const mine = await alice().get<Schemas['AccessRequestPage']>(
        '/v1/access-requests?status[]=active&status[]=pending_approval',
      );
      assert.ok(mine.body.items.some((r) => r.id === history().alicePendingManager));
      assert.ok(mine.body.items.every((r) => r.status === 'active' || r.status === 'pending_approval'));
      const onBehalf = await alice().get<Schemas['AccessRequestPage']>('/v1/access-requests?scope=on_behalf');
      assert.ok(
        onBehalf.body.items.every((r) => r.grantee.id !== 'usr_alice' && r.requester.id === 'usr_alice'),
      );
      const queue = await bob().get<Schemas['AccessRequestPage']>('/v1/approvals?status=pending');
      assert.ok(queue.body.items.some((r) => r.id === history().alicePendingManager && r.can.approve));
      const myAccess = await alice().get<Schemas['MyAccess']>('/v1/my-access');
      assert.ok(myAccess.body.active.length > 0);
      assert.ok(myAccess.body.recent.length <= 3);
      assert.ok(myAccess.body.favorites.some((r) => r.id === history().aliceActiveExpiringSoon));
    });
  });

  describe('lifecycle paths', () => {
    it('automatic: granting → active → revoking → revoked, then request again', async () => {
      const created = await alice().submit(STAGING_DB);
      assert.equal(created.status, 'granting');
      assert.equal(created.access_flow.id, 'flow_nonprod');
      advance(5 * SECOND);
      const active = await alice().request(created.id);
      assert.equal(active.status, 'active');
      assert.equal(active.can.use_access, true);
      const details = await alice().get<Schemas['AccessDetails']>(
        `/v1/access-requests/${created.id}/access-details`,
      );
      assert.equal(details.status, 200);
      assert.equal(details.body.expires_at, active.expires_at);
      const resources = await alice().get<Schemas['RequestResourcePage']>(
        `/v1/access-requests/${created.id}/resources`,
      );
      assert.deepEqual(
        resources.body.items.map((i) => [i.resource.id, i.permission.id]),
        [['res_staging_payments_db', 'perm_pg_readonly']],
      );

      const revoking = await alice().post<AccessRequest>(`/v1/access-requests/${created.id}/revoke`);
      assert.equal(revoking.status, 202);
      assert.equal(revoking.body.status, 'revoking');
      assert.equal(revoking.body.revocation_reason, 'user');
      advance(5 * SECOND);
      const revoked = await alice().request(created.id);
      assert.equal(revoked.status, 'revoked');
      assert.equal(revoked.can.request_again, true);

      const again = await alice().post<Schemas['AccessRequestList']>(
        `/v1/access-requests/${created.id}/request-again`,
        { justification: 'Once more.' },
      );
      assert.equal(again.status, 201);
      assert.notEqual(again.body.requests[0]?.id, created.id);
      assert.equal(again.body.requests[0]?.duration_hours, 2);
    });

    it('manual approval: pending_approval → granting on approval → active → expired at expires_at', async () => {
      const created = await alice().submit(PROD_DB);
      assert.equal(created.status, 'pending_approval');
      assert.deepEqual(
        created.approvals.map((a) => [a.approver.id, a.status]),
        [['usr_bob', 'pending']],
      );
      const approved = await bob().post<AccessRequest>(`/v1/access-requests/${created.id}/approve`, {
        reason: 'OK for the audit.',
      });
      assert.equal(approved.status, 200);
      assert.equal(approved.body.status, 'granting');
      advance(5 * SECOND);
      const active = await alice().request(created.id);
      assert.equal(active.status, 'active');
      advance(8 * HOUR);
      const expiring = await alice().request(created.id);
      assert.equal(expiring.status, 'revoking');
      assert.equal(expiring.revocation_reason, 'expired');
      advance(5 * SECOND);
      assert.equal((await alice().request(created.id)).status, 'revoked');
    });

    it('approve with no body at all', async () => {
      const created = await alice().submit(PROD_DB);
      const approved = await bob().call<AccessRequest>('POST', `/v1/access-requests/${created.id}/approve`);
      assert.equal(approved.status, 200);
      assert.equal(approved.body.approvals[0]?.reason, null);
    });

    it('rejection keeps the reason; the requester may request again', async () => {
      const created = await alice().submit(PROD_DB);
      const reason = 'Use the on-call bundle instead.';
      const rejected = await bob().post<AccessRequest>(`/v1/access-requests/${created.id}/reject`, {
        reason,
      });
      assert.equal(rejected.body.status, 'rejected');
      const seen = await alice().request(created.id);
      assert.equal(seen.rejection_reason, reason);
      assert.equal(seen.can.request_again, true);
      const again = await alice().post<Schemas['AccessRequestList']>(
        `/v1/access-requests/${created.id}/request-again`,
        { justification: 'With a ticket now.', duration_hours: 4 },
      );
      assert.equal(again.status, 201);
      assert.equal(again.body.requests[0]?.status, 'pending_approval');
    });

    it('two approvers: granting only after both approve', async () => {
      const created = await alice().submit(PROD_CLOUD);
      assert.deepEqual(created.approvals.map((a) => a.approver.id).sort(), ['usr_bob', 'usr_carol']);
      assert.equal(
        (await bob().post<AccessRequest>(`/v1/access-requests/${created.id}/approve`, {})).body.status,
        'pending_approval',
      );
      assert.equal(
        (await carol().post<AccessRequest>(`/v1/access-requests/${created.id}/approve`, {})).body.status,
        'granting',
      );
    });

    it('a simulated approver approves after two minutes', async () => {
      const created = await alice().submit(SAAS_ADMIN);
      assert.equal(created.status, 'pending_approval');
      advance(2 * 60 * SECOND - 1);
      assert.equal((await alice().request(created.id)).status, 'pending_approval');
      advance(1);
      const granting = await alice().request(created.id);
      assert.equal(granting.status, 'granting');
      assert.equal(granting.approvals[0]?.status, 'approved');
      advance(5 * SECOND);
      assert.equal((await alice().request(created.id)).status, 'active');
    });

    it('provisioning can fail, with a reason', async () => {
      const created = await alice().submit(LEGACY_CRM);
      advance(5 * SECOND);
      const failed = await alice().request(created.id);
      assert.equal(failed.status, 'failed');
      assert.match(failed.status_reason ?? '', /CRM-504/);
      assert.equal(failed.can.request_again, true);
    });

    it('the requester withdraws a pending request: revoked at once', async () => {
      const created = await alice().submit(PROD_DB);
      const withdrawn = await alice().post<AccessRequest>(`/v1/access-requests/${created.id}/revoke`);
      assert.equal(withdrawn.status, 202);
      assert.equal(withdrawn.body.status, 'revoked');
      assert.ok(withdrawn.body.revoked_at);
    });

    it('on behalf: the grantee sees it and uses it, the requester revokes it', async () => {
      const created = await alice().submit({ ...STAGING_DB, grantee_id: 'usr_dave' });
      assert.equal(created.grantee.id, 'usr_dave');
      assert.equal(created.can.favorite, false);
      advance(5 * SECOND);
      const asDave = await dave().request(created.id);
      assert.equal(asDave.can.use_access, true);
      assert.equal(asDave.can.revoke, false);
      assert.equal((await dave().get(`/v1/access-requests/${created.id}/access-details`)).status, 200);
      assert.equal(
        (await alice().post<AccessRequest>(`/v1/access-requests/${created.id}/revoke`)).body.status,
        'revoking',
      );
    });

    it('favorites: put, shown on My Access, delete; idempotent', async () => {
      const created = await alice().submit(STAGING_DB);
      for (let i = 0; i < 2; i++)
        assert.equal(
          (await alice().put<AccessRequest>(`/v1/access-requests/${created.id}/favorite`)).body.favorite,
          true,
        );
      const myAccess = await alice().get<Schemas['MyAccess']>('/v1/my-access');
      assert.ok(myAccess.body.favorites.some((r) => r.id === created.id));
      assert.equal(
        (await alice().delete<AccessRequest>(`/v1/access-requests/${created.id}/favorite`)).body.favorite,
        false,
      );
      const favorites = await alice().get<Schemas['AccessRequestPage']>('/v1/access-requests?favorite=true');
      assert.ok(!favorites.body.items.some((r) => r.id === created.id));
    });

    it('previews how a submission splits, with errors inline', async () => {
      const preview = await alice().post<Schemas['Preview']>('/v1/access-requests/preview', {
        resources: [...PROD_DB.resources, ...STAGING_DB.resources],
        duration_hours: 20,
      });
      assert.equal(preview.status, 200);
      assert.deepEqual(preview.body.groups.map((g) => g.access_flow.id).sort(), [
        'flow_nonprod',
        'flow_prod_db',
      ]);
      assert.ok(preview.body.errors.some((e) => e.field === 'justification' && e.code === 'required'));
      assert.ok(preview.body.errors.some((e) => e.field === 'duration_hours' && e.code === 'out_of_range'));
    });
  });

  describe('bad input', () => {
    it('answers transport-level mistakes with problems, never a 500', async () => {
      const path = '/v1/access-requests';
      assertProblem(await alice().call('POST', path, { raw: '{"resources": [' }), 400);
      assertProblem(
        await alice().call('POST', path, {
          raw: 'duration_hours=1',
          contentType: 'application/x-www-form-urlencoded',
        }),
        422,
        ['Content-Type:invalid_format'],
      );
      assertProblem(await alice().call('POST', path), 422, [':required']);
      const missing = await alice().get('/v1/me', { token: null });
      assertProblem(missing, 401);
      assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
      assertProblem(await alice().get('/v1/me', { token: 'demo-mallory' }), 401);
      assertProblem(
        await alice().get('/v1/me', { token: null, headers: { authorization: 'Basic ZGVtbzpkZW1v' } }),
        401,
      );
      const wrongMethod = await alice().call('PATCH', '/v1/access-requests/req_x');
      assertProblem(wrongMethod, 405);
      assert.equal(wrongMethod.headers.get('allow'), 'GET, OPTIONS');
      assertProblem(await alice().get('/v1/access-request'), 404);
    });

    it('names each field a submission gets wrong', async () => {
      const submitErrors = async (body: unknown) => {
        const reply = await alice().post('/v1/access-requests', body);
        return assertProblem(reply, 422).errors?.map((e) => `${e.field}:${e.code}`) ?? [];
      };
      assert.deepEqual(await submitErrors({ duration_hours: 1 }), ['resources:required']);
      assert.deepEqual(await submitErrors([]), [':invalid_type']);
      assert.ok(
        (await submitErrors({ ...STAGING_DB, duration_hours: 'two' })).includes(
          'duration_hours:invalid_type',
        ),
      );
      assert.ok(
        (await submitErrors({ ...STAGING_DB, resources: [pair('res_nope', 'perm_pg_readonly')] })).includes(
          'resources[0].resource_id:unknown',
        ),
      );
      assert.ok(
        (
          await submitErrors({
            ...STAGING_DB,
            resources: [pair('res_staging_payments_db', 'perm_aws_admin')],
          })
        ).includes('resources[0].permission_id:not_allowed'),
      );
      assert.ok(
        (await submitErrors({ ...STAGING_DB, duration_hours: 25 })).includes('duration_hours:out_of_range'),
      );
      assert.ok(
        (await submitErrors({ ...STAGING_DB, justification: 'x'.repeat(1001) })).includes(
          'justification:too_long',
        ),
      );
      assert.ok(
        (await submitErrors({ ...PROD_DB, justification: undefined })).includes('justification:required'),
      );
      assert.ok(
        (await submitErrors({ ...PROD_CLOUD, ticket: { type_id: 'tt_jira', id: 'not a key' } })).includes(
          'ticket.id:invalid_format',
        ),
      );
      assert.ok(
        (await submitErrors({ ...STAGING_DB, grantee_id: 'usr_nobody' })).some((e) =>
          e.startsWith('grantee_id:'),
        ),
      );
      const tooMany = {
        ...STAGING_DB,
        resources: Array.from({ length: 1001 }, () => STAGING_DB.resources[0]),
      };
      assert.ok((await submitErrors(tooMany)).includes('resources:too_many'));
    });

    it('checks query values and decision bodies', async () => {
      assertProblem(await alice().get('/v1/catalog/resources?limit=1000'), 422, ['limit:out_of_range']);
      assertProblem(await alice().get('/v1/access-requests?status[]=sleeping'), 422);
      assertProblem(await alice().get('/v1/catalog/resources?cursor=garbage'), 422, [
        'cursor:invalid_format',
      ]);
      const pending = history().alicePendingManager;
      assertProblem(
        await bob().post(`/v1/access-requests/${pending}/reject`, { reason: 'x'.repeat(124) }),
        422,
        ['reason:too_long'],
      );
      assertProblem(await bob().post(`/v1/access-requests/${pending}/reject`, {}), 422, ['reason:required']);
    });

    it('answers 409 for an action the status does not allow', async () => {
      assertProblem(await alice().post(`/v1/access-requests/${history().aliceRejected}/revoke`), 409, [
        'status:invalid_state',
      ]);
      assertProblem(
        await alice().post(`/v1/access-requests/${history().alicePendingManager}/request-again`, {
          justification: 'x',
        }),
        409,
        ['status:invalid_state'],
      );
      assertProblem(await alice().get(`/v1/access-requests/${history().aliceRejected}/access-details`), 409, [
        'status:invalid_state',
      ]);
      const created = await alice().submit(PROD_DB);
      await bob().post(`/v1/access-requests/${created.id}/approve`, {});
      assertProblem(await bob().post(`/v1/access-requests/${created.id}/approve`, {}), 409, [
        'status:invalid_state',
      ]);
    });
  });

  describe('authorization refusals', () => {
    it('404 for a request the caller may not see', async () => {
      const created = await alice().submit(STAGING_DB);
      for (const [method, suffix] of [
        ['GET', ''],
        ['GET', '/resources'],
        ['POST', '/revoke'],
        ['PUT', '/favorite'],
        ['GET', '/access-details'],
        ['POST', '/approve'],
      ] as const) {
        assertProblem(await carol().call(method, `/v1/access-requests/${created.id}${suffix}`), 404);
      }
      assertProblem(await alice().get('/v1/access-requests/req_does_not_exist'), 404);
    });

    it('403: only the requester revokes ("made on your behalf")', async () => {
      const problem = assertProblem(
        await alice().post(`/v1/access-requests/${history().bobForAliceActive}/revoke`),
        403,
      );
      assert.match(problem.detail, /on your behalf/);
      assertProblem(await bob().post(`/v1/access-requests/${history().alicePendingManager}/revoke`), 403);
    });

    it('403: favorites only for requests submitted for oneself', async () => {
      assertProblem(await alice().put(`/v1/access-requests/${history().aliceForDaveActive}/favorite`), 403);
      assertProblem(await dave().put(`/v1/access-requests/${history().aliceForDaveActive}/favorite`), 403);
      assertProblem(await alice().delete(`/v1/access-requests/${history().bobForAliceActive}/favorite`), 403);
    });

    it('403: access details only for the grantee', async () => {
      assertProblem(
        await alice().get(`/v1/access-requests/${history().aliceForDaveActive}/access-details`),
        403,
      );
    });

    it('403: request again only by the requester', async () => {
      const created = await alice().submit({ ...PROD_DB, grantee_id: 'usr_dave' });
      await bob().post(`/v1/access-requests/${created.id}/reject`, { reason: 'No.' });
      assertProblem(
        await dave().post(`/v1/access-requests/${created.id}/request-again`, { justification: 'Please.' }),
        403,
      );
    });

    it('403: no approving one’s own request, nor one you are not asked to approve', async () => {
      const own = await bob().submit(PROD_DB);
      assertProblem(await bob().post(`/v1/access-requests/${own.id}/approve`, {}), 403);
      const mine = await alice().submit(PROD_DB);
      assertProblem(await alice().post(`/v1/access-requests/${mine.id}/approve`, {}), 403);
      assertProblem(
        await alice().post(`/v1/access-requests/${mine.id}/reject`, { reason: 'Changed my mind.' }),
        403,
      );
      const forDave = await alice().submit({ ...PROD_DB, grantee_id: 'usr_dave' });
      assertProblem(await dave().post(`/v1/access-requests/${forDave.id}/approve`, {}), 403);
    });
  });

  describe('idempotency', () => {
    it('the same key and body replays the first answer and creates nothing new', async () => {
      const headers = { 'idempotency-key': 'scenario-key-1' };
      const before = await alice().get<Schemas['AccessRequestPage']>('/v1/access-requests?limit=500');
      const first = await alice().post<Schemas['AccessRequestList']>('/v1/access-requests', STAGING_DB, {
        headers,
      });
      const replay = await alice().post<Schemas['AccessRequestList']>('/v1/access-requests', STAGING_DB, {
        headers,
      });
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('idempotent-replayed'), null);
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(replay.body, first.body);
      const after = await alice().get<Schemas['AccessRequestPage']>('/v1/access-requests?limit=500');
      assert.equal(after.body.items.length, before.body.items.length + 1);
    });

    it('the same key with another body is 422 idempotency_mismatch', async () => {
      const headers = { 'idempotency-key': 'scenario-key-2' };
      await alice().post('/v1/access-requests', STAGING_DB, { headers });
      assertProblem(
        await alice().post('/v1/access-requests', { ...STAGING_DB, duration_hours: 3 }, { headers }),
        422,
        ['Idempotency-Key:idempotency_mismatch'],
      );
    });

    it('request again honours the key too', async () => {
      const headers = { 'idempotency-key': 'scenario-key-3' };
      const id = history().aliceRejected;
      const first = await alice().post<Schemas['AccessRequestList']>(
        `/v1/access-requests/${id}/request-again`,
        { justification: 'Again.' },
        { headers },
      );
      const replay = await alice().post<Schemas['AccessRequestList']>(
        `/v1/access-requests/${id}/request-again`,
        { justification: 'Again.' },
        { headers },
      );
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(replay.body, first.body);
    });

    it('commit then drop: the retry with the same key answers the committed requests, nothing new', async () => {
      target().control.faults.add({ method: 'POST', path: '/v1/access-requests', kind: 'commit_then_drop' });
      const headers = { 'idempotency-key': 'scenario-key-4' };
      const before = await alice().get<Schemas['AccessRequestPage']>('/v1/access-requests?limit=500');
      await assert.rejects(alice().post('/v1/access-requests', STAGING_DB, { headers }), TypeError);
      const retry = await alice().post<Schemas['AccessRequestList']>('/v1/access-requests', STAGING_DB, {
        headers,
      });
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      const after = await alice().get<Schemas['AccessRequestPage']>('/v1/access-requests?limit=500');
      assert.equal(after.body.items.length, before.body.items.length + 1);
    });
  });

  describe('faults', () => {
    it('error, rate_limit, delay and drop, each for `times` requests', async () => {
      const { faults } = target().control;
      faults.add({ path: '/v1/access-requests/:id/revoke', kind: 'error', status: 503 });
      assertProblem(await alice().post(`/v1/access-requests/${history().alicePendingManager}/revoke`), 503);
      assert.equal(
        (await alice().request(history().alicePendingManager)).status,
        'pending_approval',
        'nothing was done',
      );

      faults.add({ path: '/v1/me', kind: 'rate_limit', retry_after: 2, times: 2 });
      for (let i = 0; i < 2; i++) {
        const limited = await alice().get('/v1/me');
        assertProblem(limited, 429);
        assert.equal(limited.headers.get('retry-after'), '2');
      }
      assert.equal((await alice().get('/v1/me')).status, 200);

      faults.add({ method: 'GET', path: '/v1/my-access', kind: 'delay', delay_ms: 40 });
      const started = Date.now();
      assert.equal((await alice().get('/v1/my-access')).status, 200);
      assert.ok(Date.now() - started >= 35);

      faults.add({ path: '/v1/catalog/*', kind: 'drop' });
      await assert.rejects(alice().get('/v1/catalog/apps'), TypeError);
      assert.equal((await alice().get('/v1/catalog/apps')).status, 200);
    });
  });

  describe('the event stream', () => {
    /** Opens `/v1/events` as `token`; `close()` aborts it (which ends the subscription). */
    async function openStream(token: string, lastEventId?: string) {
      const abort = new AbortController();
      const response = await fetch(`${target().url}/v1/events`, {
        headers: {
          authorization: `Bearer ${token}`,
          ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
        },
        signal: abort.signal,
      });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
      const parser = new SseParser();
      const pending: SseEvent[] = [];
      const body = response.body;
      assert.ok(body, 'the stream has a body');
      const next = async (count: number) => {
        while (pending.length < count)
          pending.push(...(await readEvents(body, count - pending.length, { parser })));
        return pending.splice(0, count);
      };
      return {
        next,
        /** The statuses of the next `count` events about request `id` (events about others are skipped). */
        async statusesOf(id: string, count: number) {
          const statuses: string[] = [];
          while (statuses.length < count) {
            const [event] = await next(1);
            assert.ok(event);
            const { request } = JSON.parse(event.data) as Schemas['RequestUpdatedEvent'];
            if (request.id === id) statuses.push(request.status);
          }
          return statuses;
        },
        close: () => abort.abort(),
      };
    }

    it('tells the requester and the approver as the request moves, and resumes after Last-Event-ID', async () => {
      const aliceStream = await openStream('demo-alice');
      const bobStream = await openStream('demo-bob');
      const created = await alice().submit(PROD_DB);
      const [submitted] = await aliceStream.next(1);
      assert.equal(submitted?.event, 'request.updated');
      assert.deepEqual(await bobStream.statusesOf(created.id, 1), ['pending_approval']);
      assert.equal((JSON.parse(submitted.data) as Schemas['RequestUpdatedEvent']).request.id, created.id);

      aliceStream.close(); // alice goes away; the world moves on
      await bob().post(`/v1/access-requests/${created.id}/approve`, {});
      advance(5 * SECOND);
      assert.deepEqual(await bobStream.statusesOf(created.id, 2), ['granting', 'active']);
      bobStream.close();

      const resumed = await openStream('demo-alice', submitted.id);
      assert.deepEqual(
        await resumed.statusesOf(created.id, 2),
        ['granting', 'active'],
        'the missed events, replayed',
      );
      resumed.close();
    });

    it('each caller sees the request as they may act on it', async () => {
      const daveStream = await openStream('demo-dave');
      const created = await alice().submit({ ...STAGING_DB, grantee_id: 'usr_dave' });
      const [event] = await daveStream.next(1);
      assert.ok(event);
      const seen = (JSON.parse(event.data) as Schemas['RequestUpdatedEvent']).request;
      assert.equal(seen.id, created.id);
      assert.equal(seen.can.revoke, false, 'dave may not revoke what alice requested for him');
      daveStream.close();
    });
  });

  describe('control API over the wire', () => {
    const control = (method: string, path: string, body?: unknown) =>
      client(target(), 'alice').call<Record<string, unknown>>(
        method,
        path,
        method === 'GET' ? { token: null } : { token: null, body: body ?? {} },
      );

    it('resets to the seed, reads and moves the clock', async () => {
      const created = await alice().submit(STAGING_DB);
      const clock = await control('GET', '/_control/clock');
      assert.deepEqual(clock.body, { now: '2026-01-15T09:00:00.000Z', speed: 0 });
      const advanced = await control('POST', '/_control/clock/advance', { seconds: 5 });
      assert.equal(advanced.body.now, '2026-01-15T09:00:05.000Z');
      assert.equal((await alice().request(created.id)).status, 'active');
      const reset = await control('POST', '/_control/reset', { seed: 1 });
      assert.deepEqual(reset.body, {
        now: '2026-01-15T09:00:00.000Z',
        speed: 0,
        seed: 1,
        catalog_size: 2000,
      });
      assertProblem(await alice().get(`/v1/access-requests/${created.id}`), 404);
      assert.equal((await control('PUT', '/_control/clock/speed', { speed: 0 })).body.speed, 0);
    });

    it('the same seed gives the same world', async () => {
      const first = await alice().get<Schemas['ResourcePage']>('/v1/catalog/resources?limit=5');
      await control('POST', '/_control/reset', { seed: 2 });
      const other = await alice().get<Schemas['ResourcePage']>('/v1/catalog/resources?limit=5');
      await control('POST', '/_control/reset', { seed: 1 });
      const again = await alice().get<Schemas['ResourcePage']>('/v1/catalog/resources?limit=5');
      assert.deepEqual(again.body, first.body);
      assert.notDeepEqual(other.body, first.body);
    });

    it('manages faults', async () => {
      const added = await control('POST', '/_control/faults', {
        method: 'GET',
        path: '/v1/me',
        kind: 'error',
        status: 500,
        times: 2,
      });
      assert.equal(added.status, 201);
      assertProblem(await alice().get('/v1/me'), 500);
      assert.deepEqual(
        ((await control('GET', '/_control/faults')).body.items as { remaining: number }[]).map(
          (f) => f.remaining,
        ),
        [1],
      );
      assert.equal((await control('DELETE', `/_control/faults/${String(added.body.id)}`)).status, 204);
      assert.equal((await alice().get('/v1/me')).status, 200);
    });
  });
}
