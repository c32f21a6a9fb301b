import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FaultInjector, FaultSpecError, pathMatches } from './faults.js';

describe('fault paths', () => {
  it('match exactly, by :param segment, or a subtree with /*', () => {
    assert.ok(pathMatches('/v1/access-requests', '/v1/access-requests'));
    assert.ok(!pathMatches('/v1/access-requests', '/v1/access-requests/preview'));
    assert.ok(pathMatches('/v1/access-requests/:id/revoke', '/v1/access-requests/req_1/revoke'));
    assert.ok(!pathMatches('/v1/access-requests/:id/revoke', '/v1/access-requests/req_1/approve'));
    assert.ok(!pathMatches('/v1/access-requests/:id', '/v1/access-requests//'));
    assert.ok(pathMatches('/v1/catalog/*', '/v1/catalog/resources'));
    assert.ok(pathMatches('/v1/*', '/v1/access-requests/req_1'));
    assert.ok(!pathMatches('/v1/catalog/*', '/v1/catalog'));
  });
});

describe('FaultInjector', () => {
  it('affects `times` matching requests, then none', () => {
    const faults = new FaultInjector();
    const fault = faults.add({ method: 'post', path: '/v1/access-requests', kind: 'rate_limit', times: 2 });
    assert.equal(fault.method, 'POST');
    assert.equal(fault.retry_after, 1);
    assert.equal(faults.take('GET', '/v1/access-requests'), undefined, 'another method');
    assert.equal(faults.take('POST', '/v1/access-requests')?.remaining, 1);
    assert.equal(faults.take('POST', '/v1/access-requests')?.remaining, 0);
    assert.equal(faults.take('POST', '/v1/access-requests'), undefined);
    assert.deepEqual(faults.list(), []);
  });

  it('takes the first matching fault in the order they were added', () => {
    const faults = new FaultInjector();
    const first = faults.add({ path: '/v1/*', kind: 'error', status: 503 });
    faults.add({ path: '/v1/me', kind: 'drop' });
    assert.equal(faults.take('GET', '/v1/me')?.id, first.id);
    assert.equal(faults.take('GET', '/v1/me')?.kind, 'drop');
  });

  it('removes one or all', () => {
    const faults = new FaultInjector();
    const a = faults.add({ path: '/v1/me', kind: 'drop' });
    faults.add({ path: '/v1/me', kind: 'delay', delay_ms: 5 });
    assert.equal(faults.remove(a.id), true);
    assert.equal(faults.remove(a.id), false);
    assert.equal(faults.list().length, 1);
    faults.clear();
    assert.deepEqual(faults.list(), []);
  });

  it('refuses specs that make no sense, naming the field', () => {
    const faults = new FaultInjector();
    const field = (spec: unknown) => {
      try {
        faults.add(spec as never);
      } catch (error) {
        assert.ok(error instanceof FaultSpecError);
        return error.field;
      }
      return 'accepted';
    };
    assert.equal(field({ path: '/v1/me', kind: 'explode' }), 'kind');
    assert.equal(field({ path: 'v1/me', kind: 'drop' }), 'path');
    assert.equal(field({ path: '/v1/me', kind: 'error', status: 200 }), 'status');
    assert.equal(field({ path: '/v1/me', kind: 'drop', times: 0 }), 'times');
    assert.equal(field({ path: '/v1/me', kind: 'drop', method: 'FETCH' }), 'method');
    assert.equal(field({ path: '/v1/me', kind: 'drop', colour: 'red' }), 'colour');
    assert.equal(field([]), '');
    assert.equal(field({ path: `/${'x'.repeat(2048)}`, kind: 'drop' }), 'path');
    for (let i = 0; i < 1000; i += 1) faults.add({ path: '/v1/me', kind: 'drop' });
    assert.equal(field({ path: '/v1/me', kind: 'drop' }), '');
  });
});
