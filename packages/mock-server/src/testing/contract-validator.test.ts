import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ResponseRecord } from './contract-validator.js';
import { loadContractValidator } from './load-contract.js';

const validator = loadContractValidator();
const ME = {
  user: { id: 'usr_alice', name: 'Alice Example', email: 'alice@example.com' },
  org: {
    max_resources_per_request: 1000,
    ticket_types: [],
    notification_channel: 'slack',
    default_duration_hours: 8,
  },
  is_approver: false,
};
const PROBLEM_429 = {
  type: 'https://access-requests.example/problems/rate-limited',
  title: 'Too Many Requests',
  status: 429,
  detail: 'Slow down.',
};

function record(partial: Partial<ResponseRecord> & { json?: unknown }): ResponseRecord {
  const { json, ...rest } = partial;
  return {
    method: 'GET',
    url: 'http://127.0.0.1:4010/v1/me',
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json ?? ME),
    ...rest,
  };
}

describe('contract validator', () => {
  it('accepts a response that keeps the contract', () => {
    assert.deepEqual(validator.validate(record({})), []);
    assert.deepEqual(
      validator.validate(
        record({
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '3' },
          json: PROBLEM_429,
        }),
      ),
      [],
    );
  });

  it('catches a deliberately wrong body: a missing field, a wrong type, an extra field', () => {
    const { is_approver: _, ...withoutField } = ME;
    assert.match(
      validator.validate(record({ json: withoutField })).join(),
      /must have required property 'is_approver'/,
    );
    assert.match(
      validator.validate(record({ json: { ...ME, is_approver: 'no' } })).join(),
      /\/is_approver must be boolean/,
    );
    assert.match(
      validator.validate(record({ json: { ...ME, extra: 1 } })).join(),
      /must NOT have additional properties/,
    );
    assert.match(
      validator.validate(record({ json: { ...ME, user: { ...ME.user, email: 'not-an-email' } } })).join(),
      /\/user\/email must match format "email"/,
    );
  });

  it('catches an undocumented status, a wrong content type, a body that is not JSON', () => {
    assert.match(validator.validate(record({ status: 500 })).join(), /status 500 is not documented/);
    assert.match(
      validator.validate(record({ headers: { 'content-type': 'text/html' } })).join(),
      /content-type text\/html is not one of application\/json/,
    );
    assert.match(validator.validate(record({ body: '{oops' })).join(), /is not JSON/);
  });

  it('requires Retry-After on a 429, and a problem whose status repeats the HTTP status', () => {
    assert.match(
      validator
        .validate(
          record({ status: 429, headers: { 'content-type': 'application/problem+json' }, json: PROBLEM_429 }),
        )
        .join(),
      /required header Retry-After is missing/,
    );
    assert.match(
      validator
        .validate(
          record({
            status: 429,
            headers: { 'content-type': 'application/problem+json', 'retry-after': 'soon' },
            json: PROBLEM_429,
          }),
        )
        .join(),
      /header Retry-After must be integer/,
    );
    assert.match(
      validator
        .validate(
          record({
            status: 401,
            headers: { 'content-type': 'application/problem+json' },
            json: { ...PROBLEM_429, status: 400 },
          }),
        )
        .join(),
      /status 400 differs from the HTTP status/,
    );
  });

  it('checks optional documented headers when present (Idempotent-Replayed is `true` or absent)', () => {
    const created = (headers: Record<string, string>) =>
      validator.validate({
        method: 'POST',
        url: '/v1/access-requests',
        status: 201,
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"requests":[]}',
      });
    assert.match(created({}).join(), /\/requests must NOT have fewer than 1 items/);
    assert.match(
      created({ 'idempotent-replayed': 'false' }).join(),
      /Idempotent-Replayed must be equal to constant/,
    );
  });

  it('matches literal paths before templates (preview is not a request id)', () => {
    const preview = {
      method: 'POST',
      url: '/v1/access-requests/preview',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"groups":[],"errors":[],"server_time":"2026-01-15T09:00:00Z"}',
    };
    assert.deepEqual(validator.validate(preview), []);
  });

  it('holds paths outside the contract to problem+json 404 / 405, and ignores /_control', () => {
    const notFound = {
      type: 'https://access-requests.example/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'No.',
    };
    const problemHeaders = { 'content-type': 'application/problem+json' };
    assert.deepEqual(
      validator.validate(
        record({ url: '/v1/nothing', status: 404, headers: problemHeaders, json: notFound }),
      ),
      [],
    );
    assert.match(validator.validate(record({ url: '/v1/nothing', status: 200 })).join(), /must answer 404/);
    assert.match(
      validator
        .validate(record({ method: 'PATCH', status: 404, headers: problemHeaders, json: notFound }))
        .join(),
      /must answer 405/,
    );
    assert.deepEqual(validator.validate(record({ url: '/_control/clock', json: { anything: true } })), []);
  });

  it('lets an injected fault answer an undocumented status, as long as it is a Problem', () => {
    const injected = {
      type: 'https://access-requests.example/problems/injected-fault',
      title: 'Service Unavailable',
      status: 503,
      detail: 'Fault.',
    };
    assert.deepEqual(
      validator.validate(
        record({
          status: 503,
          headers: { 'content-type': 'application/problem+json' },
          json: injected,
          injectedFault: true,
        }),
      ),
      [],
    );
    assert.match(
      validator.validate(record({ status: 503, injectedFault: true })).join(),
      /not application\/problem\+json/,
    );
  });

  it('checks each event of the stream against RequestUpdatedEvent', () => {
    assert.deepEqual(
      validator.validate({
        method: 'GET',
        url: '/v1/events',
        status: 200,
        headers: { 'content-type': 'text/event-stream; charset=utf-8' },
        body: undefined,
      }),
      [],
    );
    assert.match(
      validator.validateEvent('GET', '/v1/events', '{"type":"request.updated"}').join(),
      /must have required property 'request'/,
    );
    assert.match(validator.validateEvent('GET', '/v1/events', 'not json').join(), /is not JSON/);
  });
});
