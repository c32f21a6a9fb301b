import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { originAllowed } from './cors.js';

describe('CORS origins', () => {
  it('allow any localhost origin by default', () => {
    for (const origin of [
      'http://localhost:5173',
      'https://localhost',
      'http://127.0.0.1:4173',
      'http://[::1]:8080',
    ]) {
      assert.ok(originAllowed(origin, undefined), origin);
    }
    for (const origin of [
      'http://localhost.evil.test',
      'http://example.com',
      'null',
      'http://127.0.0.2:80',
    ]) {
      assert.ok(!originAllowed(origin, []), origin);
    }
  });

  it('allow exactly the configured origins, or any with *', () => {
    assert.ok(originAllowed('https://portal.example.com', ['https://portal.example.com']));
    assert.ok(!originAllowed('http://localhost:5173', ['https://portal.example.com']));
    assert.ok(originAllowed('https://anything.test', ['*']));
  });
});
