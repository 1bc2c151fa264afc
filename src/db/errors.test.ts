import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isRetryableConflict } from './errors.js';

describe('isDatabaseUnavailable', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ code: '08006' }, true],
    [{ code: '55000', message: 'database "x" is not currently accepting connections' }, true],
    [{ code: '57P04' }, true],
    [{ message: 'Connection terminated unexpectedly' }, true],
    [{ code: '40P01', message: 'deadlock detected' }, true],
    [{ message: 'timeout exceeded when trying to connect' }, true],
    [{ code: '23505', message: 'duplicate key value' }, false],
    [{ code: '42P01', message: 'relation does not exist' }, false],
    [new Error('boom'), false],
    [null, false],
  ])('%o → %s', (err, expected) => {
    expect(isDatabaseUnavailable(err)).toBe(expected);
  });
});

describe('isRetryableConflict', () => {
  it.each([[{ code: '40P01' }, true], [{ code: '40001' }, true], [{ code: '57P01' }, false], [{ code: '23505' }, false]])('%o → %s', (err, expected) => {
    expect(isRetryableConflict(err)).toBe(expected);
  });
});
