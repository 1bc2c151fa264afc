import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './webhook.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-03T14:00:00Z');
  it.each([
    { value: undefined, expected: undefined },
    { value: '', expected: undefined },
    { value: '120', expected: 120 },
    { value: ' 0 ', expected: 0 },
    { value: ['30', '60'], expected: 30 },
    { value: 'Mon, 03 Mar 2025 14:01:30 GMT', expected: 90 },
    { value: 'Mon, 03 Mar 2025 13:00:00 GMT', expected: 0 },
    { value: '9999999', expected: 86_400 },
    { value: 'soon', expected: undefined },
    { value: '-5', expected: undefined },
  ])('$value → $expected', ({ value, expected }) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
