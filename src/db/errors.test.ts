import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './errors.js';

describe('isDatabaseUnavailable', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ code: '08006' }, true],
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
