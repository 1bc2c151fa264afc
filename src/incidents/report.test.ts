import { describe, expect, it } from 'vitest';
import { computeReport, monthlyMetrics, type ReportFacts } from './report.js';
import { formatDuration, renderMarkdown, sparkline } from './report-text.js';

const T = (min: number) => new Date(Date.UTC(2026, 2, 10, 8, 0) + min * 60_000);

const facts: ReportFacts = {
  incident: { id: 'i1', title: 'Rappel | lait', summary: null, created_at: T(30), closed_at: T(200), declared_by: 'Chloé', commander: 'Chloé', comms_lead: null },
  alerts: [
    { id: 'a2', title: 'second', kind: 'volume_spike', severity: 'high', opened_at: T(25), acknowledged_at: null },
    { id: 'a1', title: 'first', kind: 'negative_surge', severity: 'critical', opened_at: T(20), acknowledged_at: T(28) },
  ],
  firstMention: T(5),
  signals: [{ created_at: T(15), severity: 'high', reporter: 'Ana', text: 'x' }, { created_at: T(12), severity: 'low', reporter: 'Bob', text: 'y' }],
  points: [{ id: 'p1', title: 'Answer', version: 1, published_at: T(65) }, { id: 'p2', title: 'Draft', version: 1, published_at: null }],
  readByGroup: [{ group: 'Ventes', sent: 4, read: 3 }, { group: null, sent: 0, read: 0 }],
  series: [{ t: T(0), count: 1, negative: 0 }, { t: T(5), count: 8, negative: 6 }],
};

describe('after-action figures', () => {
  it('measures every span from the first alert, detection from the first negative mention', () => {
    const r = computeReport(facts);
    expect(r.milestones).toMatchObject({ first_alert: T(20).toISOString(), first_signal: T(12).toISOString(), first_ack: T(28).toISOString(), first_publication: T(65).toISOString() });
    expect(r.durations).toEqual({ detect_seconds: 900, signal_lead_seconds: 480, ack_seconds: 480, first_publication_seconds: 2700, resolve_seconds: 10_800 });
    expect(r.read_rates).toEqual([{ group: 'Ventes', sent: 4, read: 3, rate: 0.75 }, { group: null, sent: 0, read: 0, rate: null }]);
    expect(r.markers.map((m) => m.label)).toEqual(['first', 'second', 'Answer']);
    expect(r.publications).toBe(1);
  });

  it('leaves unreached milestones empty instead of guessing', () => {
    const r = computeReport({ ...facts, alerts: [], firstMention: null, signals: [], points: [], readByGroup: [] });
    expect(r.durations).toEqual({ detect_seconds: null, signal_lead_seconds: null, ack_seconds: null, first_publication_seconds: null, resolve_seconds: 10_200 });
    expect(r.read_total.rate).toBeNull();
  });

  it.each([[null, 'en', 'not reached'], [45, 'en', '45 s'], [600, 'fr', '10 min'], [4200, 'en', '1 h 10 min'], [200_000, 'fr', '2 j 7 h'], [-120, 'en', '−2 min']] as const)(
    'formats %s seconds in %s as %s', (s, lang, text) => expect(formatDuration(s, lang)).toBe(text));

  it('writes Markdown that a title cannot break', () => {
    const md = renderMarkdown({ lang: 'fr', generated_at: T(300).toISOString(), incident: facts.incident, figures: computeReport(facts) });
    expect(md).toContain('# Rapport post-incident — Rappel \\| lait');
    expect(md).toContain('| Ventes | 4 | 3 | 75 % |');
    expect(md).toContain('| Délai de prise en charge | 8 min |');
    expect(sparkline([0, 4, 8])).toBe('▁▄█');
  });
});

describe('monthly MTTA and MTTR', () => {
  it('averages per month of declaration, from the first alert (or the declaration without one)', () => {
    const jan = (d: number, h: number) => new Date(Date.UTC(2026, 0, d, h));
    expect(monthlyMetrics([
      { created_at: jan(2, 10), closed_at: jan(2, 12), first_alert: jan(2, 9), first_ack: new Date(jan(2, 9).getTime() + 120_000) },
      { created_at: jan(20, 10), closed_at: jan(20, 11), first_alert: null, first_ack: null },
      { created_at: new Date(Date.UTC(2025, 11, 31, 23)), closed_at: new Date(Date.UTC(2026, 0, 1, 1)), first_alert: new Date(Date.UTC(2025, 11, 31, 22)), first_ack: new Date(Date.UTC(2025, 11, 31, 22, 10)) },
    ])).toEqual([
      { month: '2025-12', incidents: 1, mtta_seconds: 600, mttr_seconds: 10_800 },
      { month: '2026-01', incidents: 2, mtta_seconds: 120, mttr_seconds: 7200 },
    ]);
  });
});
