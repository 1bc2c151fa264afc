import { describe, expect, it } from 'vitest';
import { parseFeedDate, plausibleDateOr } from './dates.js';

describe('parseFeedDate', () => {
  it.each([
    ['Mon, 04 Mar 2024 10:00:00 GMT', '2024-03-04T10:00:00.000Z'],
    ['Mon, 04 Mar 2024 10:00:00 +0100', '2024-03-04T09:00:00.000Z'],
    ['Mon, 4 Mar 2024 10:00 EST', '2024-03-04T15:00:00.000Z'],
    ['Mon, 04 Mar 2024 10:00:00 CET', '2024-03-04T09:00:00.000Z'],
    ['Sun, 30 Jun 2024 10:00:00 CEST', '2024-06-30T08:00:00.000Z'],
    ['Mon, 04 Mar 2024 10:00:00', '2024-03-04T10:00:00.000Z'], // no zone: UTC, whatever TZ says
    ['Mon, 04 Mar 24 10:00:00 GMT', '2024-03-04T10:00:00.000Z'],
    ['lun., 04 mars 2024 10:00:00 +0100', '2024-03-04T09:00:00.000Z'],
    ['jeudi 15 août 2024 08:30:00 +0200', '2024-08-15T06:30:00.000Z'],
    ['3 févr. 2024 12:00:00 GMT', '2024-02-03T12:00:00.000Z'],
    ['17 décembre 2023', '2023-12-17T00:00:00.000Z'],
    ['2024-03-04T10:00:00Z', '2024-03-04T10:00:00.000Z'],
    ['2024-03-04T10:00:00.123456+02:00', '2024-03-04T08:00:00.123Z'],
    ['2024-03-04T10:00:00+0200', '2024-03-04T08:00:00.000Z'],
    ['2024-03-04 10:00:00', '2024-03-04T10:00:00.000Z'],
    ['2024-03-04', '2024-03-04T00:00:00.000Z'],
    ['  2024-03-04T10:00Z \n', '2024-03-04T10:00:00.000Z'],
  ])('%s → %s', (raw, expected) => {
    expect(parseFeedDate(raw)?.toISOString()).toBe(expected);
  });

  it.each([[''], ['   '], [null], [undefined], ['garbage'], ['Item 3'], ['hello 12'], ['2024-02-31T10:00:00Z'], ['2024-13-01'], ['yesterday']])(
    'rejects %j',
    (raw) => {
      expect(parseFeedDate(raw)).toBeNull();
    },
  );
});

describe('plausibleDateOr', () => {
  const fetchedAt = new Date('2024-06-01T12:00:00Z');
  it.each([
    ['a normal date', '2024-05-31T08:00:00Z', '2024-05-31T08:00:00.000Z', true],
    ['a few hours ahead (clock skew)', '2024-06-01T20:00:00Z', '2024-06-01T20:00:00.000Z', true],
    ['more than a day ahead', '2024-06-03T12:00:00Z', '2024-06-01T12:00:00.000Z', false],
    ['before 1995', '1970-01-01T00:00:00Z', '2024-06-01T12:00:00.000Z', false],
  ])('%s', (_name, raw, expected, fromFeed) => {
    const result = plausibleDateOr(new Date(raw), fetchedAt);
    expect(result.date.toISOString()).toBe(expected);
    expect(result.fromFeed).toBe(fromFeed);
  });
  it('falls back to the fetch time when there is no date', () => {
    expect(plausibleDateOr(null, fetchedAt)).toEqual({ date: fetchedAt, fromFeed: false });
  });
});
