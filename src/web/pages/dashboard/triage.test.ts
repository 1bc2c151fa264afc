import { describe, expect, it } from 'vitest';
import type { Alert } from '../../types.js';
import { apiQuery, compareAlerts, filtersQuery, groupAlerts, matches, NO_FILTERS, parseFilters } from './triage.js';

const U1 = '11111111-1111-4111-8111-111111111111';
const alert = (id: string, over: Partial<Alert> = {}): Alert => ({ id, watchlist_id: U1, kind: 'volume_spike', severity: 'high', status: 'open', title: id, opened_at: '2026-01-01T00:00:00.000Z', ...over });

describe('filters in the URL', () => {
  it('round-trips the set filters and drops values the list cannot use', () => {
    const f = parseFilters(new URLSearchParams(`watchlist=${U1}&kind=risk_burst&severity=critical&state=acknowledged&assignee=me`));
    expect(f).toEqual({ watchlist: U1, kind: 'risk_burst', severity: 'critical', state: 'acknowledged', assignee: 'me' });
    expect(parseFilters(filtersQuery(f))).toEqual(f);
    expect(parseFilters(new URLSearchParams('watchlist=x&kind=<b>&severity=urgent&state=closed&assignee=bob'))).toEqual(NO_FILTERS);
    expect(filtersQuery(NO_FILTERS).toString()).toBe('');
  });

  it('asks the API for the active states unless one is chosen, and resolves "me"', () => {
    expect(apiQuery(NO_FILTERS, U1)).toEqual({ status: 'open,acknowledged,snoozed' });
    expect(apiQuery({ ...NO_FILTERS, state: 'resolved', assignee: 'me' }, U1)).toEqual({ status: 'resolved', assignee_id: U1 });
  });
});

describe('matches', () => {
  it.each([
    [{}, {}, true],
    [{ status: 'resolved' as const }, {}, false],
    [{ status: 'resolved' as const }, { state: 'resolved' }, true],
    [{ severity: 'low' as const }, { severity: 'critical' }, false],
    [{ kind: 'risk_burst' }, { kind: 'risk_burst' }, true],
    [{ watchlist_id: 'other' }, { watchlist: U1 }, false],
    [{ assignee: null }, { assignee: 'none' }, true],
    [{ assignee: { id: U1, name: 'Me' } }, { assignee: 'none' }, false],
    [{ assignee: { id: U1, name: 'Me' } }, { assignee: 'me' }, true],
    [{ assignee: { id: 'x', name: 'X' } }, { assignee: 'me' }, false],
  ])('%j with %j → %s', (over, filters, expected) => {
    expect(matches(alert('a', over), { ...NO_FILTERS, ...filters }, U1)).toBe(expected);
  });
});

describe('order and groups', () => {
  it('sorts by severity then newest, and places each group where its most urgent alert sorts', () => {
    const list = [
      alert('low-new', { severity: 'low', opened_at: '2026-01-03T00:00:00.000Z', group_id: 'g1' }),
      alert('crit-old', { severity: 'critical', opened_at: '2026-01-01T00:00:00.000Z', group_id: 'g1' }),
      alert('high', { severity: 'high', opened_at: '2026-01-02T00:00:00.000Z' }),
    ].sort(compareAlerts);
    expect(list.map((a) => a.id)).toEqual(['crit-old', 'high', 'low-new']);
    expect(groupAlerts(list).map((g) => [g.id, g.alerts.map((a) => a.id)])).toEqual([['g1', ['crit-old', 'low-new']], ['high', ['high']]]);
  });
});
