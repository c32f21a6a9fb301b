/** A tiny HTTP client for the integration scenarios: one call, its status, headers and JSON. */
import assert from 'node:assert/strict';
import type { ReferenceBackend } from '../../backend/index.js';
import type { Schemas } from '../../backend/api.js';
import type { Control } from '../../handlers/index.js';
import { DEMO_USERS, type DemoUserName } from '../../fixtures.js';

/** A running reference server, however it runs (real HTTP or in-process). */
export interface Target {
  /** The API's base URL (`${url}/v1/me`). */
  readonly url: string;
  readonly backend: ReferenceBackend;
  readonly control: Control;
}

export interface Reply<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export type AccessRequest = Schemas['AccessRequest'];
export type Problem = Schemas['Problem'];

export interface CallOptions {
  readonly body?: unknown;
  /** Sent as is (not JSON-encoded), with `contentType`. */
  readonly raw?: string;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  /** Defaults to the user's token; `null` sends none. */
  readonly token?: string | null;
}

export function client(target: Target, user: DemoUserName) {
  async function call<T = unknown>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<Reply<T>> {
    const token = options.token === undefined ? DEMO_USERS[user].token : options.token;
    const headers: Record<string, string> = {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...options.headers,
    };
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const response = await fetch(`${target.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  }
  return {
    call,
    get: <T = unknown>(path: string, options?: CallOptions) => call<T>('GET', path, options),
    post: <T = unknown>(path: string, body?: unknown, options: CallOptions = {}) =>
      call<T>('POST', path, body === undefined ? options : { ...options, body }),
    put: <T = unknown>(path: string, options?: CallOptions) => call<T>('PUT', path, options),
    delete: <T = unknown>(path: string, options?: CallOptions) => call<T>('DELETE', path, options),
    /** Submits and returns the one request created (asserting 201 and exactly one). */
    async submit(body: unknown, headers: Record<string, string> = {}): Promise<AccessRequest> {
      const reply = await call<Schemas['AccessRequestList']>('POST', '/v1/access-requests', {
        body,
        headers,
      });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      const [created] = reply.body.requests;
      assert.ok(created && reply.body.requests.length === 1, 'one request is created');
      return created;
    },
    async request(id: string): Promise<AccessRequest> {
      const reply = await call<AccessRequest>('GET', `/v1/access-requests/${id}`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body;
    },
  };
}

/** Asserts a problem answer: status, content type, and (when given) its errors' `field:code`s. */
export function assertProblem(reply: Reply, status: number, errors?: string[]): Problem {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(reply.headers.get('content-type'), 'application/problem+json');
  const problem = reply.body as Problem;
  assert.equal(problem.status, status);
  if (errors)
    assert.deepEqual(
      (problem.errors ?? []).map((e) => `${e.field}:${e.code}`),
      errors,
    );
  return problem;
}

export const pair = (resource_id: string, permission_id: string) => ({ resource_id, permission_id });
