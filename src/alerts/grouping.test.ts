import { describe, expect, it } from 'vitest';
import { compareTriage, groupingSince, groupOf, severityRank } from './grouping.js';

describe('triage order', () => {
  const a = (id: string, severity: string, opened_at: string) => ({ id, severity, opened_at });
  it.each([
    ['critical before high, whatever their age', [a('1', 'high', '2026-01-02T00:00:00.000Z'), a('2', 'critical', '2026-01-01T00:00:00.000Z')], ['2', '1']],
    ['newest first within a severity', [a('1', 'high', '2026-01-01T00:00:00.000Z'), a('2', 'high', '2026-01-02T00:00:00.000Z')], ['2', '1']],
    ['id breaks a tie', [a('1', 'low', '2026-01-01T00:00:00.000Z'), a('2', 'low', '2026-01-01T00:00:00.000Z')], ['2', '1']],
    ['low last', [a('1', 'low', '2026-01-03T00:00:00.000Z'), a('2', 'medium', '2026-01-01T00:00:00.000Z'), a('3', 'critical', '2026-01-02T00:00:00.000Z')], ['3', '2', '1']],
  ])('%s', (_name, items, ids) => {
    expect([...items].sort(compareTriage).map((x) => x.id)).toEqual(ids);
  });
  it('ranks the contract severities in order', () => {
    expect(['low', 'medium', 'high', 'critical'].map(severityRank)).toEqual([0, 1, 2, 3]);
  });
});

describe('grouping', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  it.each([
    ['window start minus the gap', '2026-03-01T11:50:00.000Z', 60, '2026-03-01T10:50:00.000Z'],
    ['no window: now minus the gap', undefined, 30, '2026-03-01T11:30:00.000Z'],
    ['a window in the future counts from now', '2026-03-01T13:00:00.000Z', 60, '2026-03-01T11:00:00.000Z'],
    ['an unreadable window counts from now', 'not a date', 60, '2026-03-01T11:00:00.000Z'],
  ])('%s', (_name, start, gap, expected) => {
    expect(groupingSince(start, now, gap).toISOString()).toBe(expected);
  });
  it.each([
    ['no related alert: leads its own group', undefined, null],
    ['joins a leader', { id: 'a', group_id: null }, 'a'],
    ['joins the group of a member', { id: 'b', group_id: 'a' }, 'a'],
  ])('%s', (_name, related, expected) => {
    expect(groupOf(related)).toBe(expected);
  });
});
