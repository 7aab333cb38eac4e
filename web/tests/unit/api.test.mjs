// src/api.ts: query strings and the server's error details as the forms use them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, describe, withQuery } from '../../src/api.ts';

test('withQuery leaves out empty values and appends to an existing query', () => {
  assert.equal(withQuery('/api/v1/parties'), '/api/v1/parties');
  assert.equal(
    withQuery('/api/v1/parties', { q: 'nim bus', kind: '', status: null, cursor: undefined, limit: 50, overdue: true }),
    '/api/v1/parties?q=nim+bus&limit=50&overdue=true',
  );
  assert.equal(withQuery('/api/v1/reviews?x=1', { limit: 0 }), '/api/v1/reviews?x=1&limit=0');
  assert.equal(withQuery('/api/v1/reviews', { q: '' }), '/api/v1/reviews');
});

test('ApiError.fields: the first reason per field, "" for the rest', () => {
  const e = new ApiError(422, 'validation_failed', 'invalid', [
    { field: 'name', reason: 'is required' },
    { field: 'name', reason: 'is too short' },
    { field: 'lines[0].system_id', reason: 'unknown system' },
    { field: '', reason: 'something else' },
  ]);
  assert.deepEqual(e.fields(), { name: 'is required', 'lines[0].system_id': 'unknown system', '': 'something else' });
  assert.equal(e.status, 422);
  assert.equal(e.code, 'validation_failed');
  assert.ok(e instanceof Error);
  assert.deepEqual(new ApiError(500, 'internal', 'boom').details, []);
});

test('describe: the message of whatever was thrown', () => {
  assert.equal(
    describe(new ApiError(409, 'conflict', 'The review is approved already.')),
    'The review is approved already.',
  );
  assert.equal(describe(new Error('network down')), 'network down');
  assert.equal(describe('plain'), 'plain');
});
