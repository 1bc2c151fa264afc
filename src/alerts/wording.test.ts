import { describe, expect, it } from 'vitest';
import { alertWording } from './wording.js';

const window = { start: '2026-01-01T10:00:00.000Z', end: '2026-01-01T10:15:00.000Z' };

describe('alertWording', () => {
  it.each([
    ['volume_spike', { observed: 40, expected: 8.04, factor: 4.98, window, details: { direction: 'up' } }, 'alert_summary.volume_spike', { observed: 40, expected: 8, factor: 5, minutes: 15 }],
    ['volume_spike', { observed: 1, expected: 9, factor: 0.1, window, details: { direction: 'down' } }, 'alert_summary.volume_spike_down', { observed: 1, minutes: 15 }],
    ['negative_surge', { observed: 12, expected: 3, factor: 4, window, details: { share: 0.6, baseline_share: 0.153, mentions: 20 } }, 'alert_summary.negative_surge', { negative: 12, mentions: 20, share: 60, usual: 15 }],
    ['risk_burst', { observed: 7.26, expected: 1.04, factor: 7, window, details: { mentions: 9 } }, 'alert_summary.risk_burst', { mass: 7.3, mentions: 9, expected: 1 }],
    ['emerging_term', { observed: 6, expected: 0.2, factor: 30, window, details: { term: 'incendie', window_mentions: 14 } }, 'alert_summary.emerging_term', { term: 'incendie', count: 6, mentions: 14 }],
    ['ambassador_signal', { observed: 2, expected: 2, factor: 1, window, details: { reports: 3, critical: 1, distinct_ambassadors: 2 } }, 'alert_summary.ambassador_signal', { count: 3, ambassadors: 2, critical: 1 }],
  ])('%s → %s', (kind, explanation, key, params) => {
    const wording = alertWording(kind, explanation);
    expect(wording?.key).toBe(key);
    expect(wording?.params).toMatchObject(params);
  });

  it('is null for an unknown kind or no explanation, and survives missing fields', () => {
    expect(alertWording('other', {})).toBeNull();
    expect(alertWording('risk_burst', null)).toBeNull();
    expect(alertWording('risk_burst', {})?.params).toEqual({ mass: 0, mentions: 0, expected: 0, minutes: 0 });
  });
});
