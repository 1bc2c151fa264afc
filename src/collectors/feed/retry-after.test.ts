import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

const now = Date.parse('2024-06-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120],
    [' 0 ', 0],
    ['Sat, 01 Jun 2024 12:01:30 GMT', 90],
    ['Sat, 01 Jun 2024 11:00:00 GMT', 0], // already past
    ['99999999', 7 * 24 * 3600], // capped at a week
    [['30', '60'], 30],
  ])('%j → %i seconds', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([[undefined], [''], ['soon'], ['-5'], ['1.5'], ['Item 3']])('%j → undefined', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
