// The after-action report's figures, computed from the facts of one resolved incident (pure: the same facts
// always give the same report), and the monthly MTTA/MTTR of the analytics page.
//
// Definitions (also in docs/incidents.md):
// - first mention: the first negative mention of the incident's watchlists in the lookback before its
//   first alert — when the noise began;
// - time to detect: first alert − first mention; the ambassadors' lead: first alert − first signal;
// - time to acknowledge: first acknowledgement of any of its alerts − first alert;
// - time to first publication: first talking point of the incident published − first alert;
// - time to resolve: resolution − first alert (− declaration when it has no alert).

export interface ReportFacts {
  incident: { id: string; title: string; summary: string | null; created_at: Date; closed_at: Date | null; declared_by: string | null; commander: string | null; comms_lead: string | null };
  alerts: { id: string; title: string; kind: string; severity: string; opened_at: Date; acknowledged_at: Date | null }[];
  firstMention: Date | null;
  signals: { created_at: Date; severity: string; reporter: string; text: string }[];
  points: { id: string; title: string; version: number; published_at: Date | null }[];
  readByGroup: { group: string | null; sent: number; read: number }[];
  series: { t: Date; count: number; negative: number }[];
}

export interface Milestones {
  first_mention: string | null; first_signal: string | null; first_alert: string | null; declared: string;
  first_ack: string | null; first_publication: string | null; resolved: string | null;
}
export interface Durations {
  detect_seconds: number | null; signal_lead_seconds: number | null; ack_seconds: number | null;
  first_publication_seconds: number | null; resolve_seconds: number | null;
}
export interface ReadRate { group: string | null; sent: number; read: number; rate: number | null }
export interface Marker { at: string; kind: 'alert' | 'publication'; label: string }
export interface ReportFigures {
  milestones: Milestones; durations: Durations; read_rates: ReadRate[]; read_total: ReadRate;
  series: { t: string; count: number; negative: number }[]; markers: Marker[];
  alerts: number; signals: number; publications: number;
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const min = (dates: (Date | null)[]): Date | null => {
  const times = dates.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
};
/** Seconds from a to b, or null when either is unknown. */
const between = (a: Date | null, b: Date | null): number | null => (a && b ? Math.round((b.getTime() - a.getTime()) / 1000) : null);
const rate = (sent: number, read: number): number | null => (sent > 0 ? read / sent : null);

export function computeReport(f: ReportFacts): ReportFigures {
  const firstAlert = min(f.alerts.map((a) => a.opened_at));
  const firstSignal = min(f.signals.map((s) => s.created_at));
  const firstAck = min(f.alerts.map((a) => a.acknowledged_at));
  const published = f.points.filter((p): p is typeof p & { published_at: Date } => p.published_at !== null);
  const firstPublication = min(published.map((p) => p.published_at));
  const start = firstAlert ?? f.incident.created_at;
  const sent = f.readByGroup.reduce((n, g) => n + g.sent, 0);
  const read = f.readByGroup.reduce((n, g) => n + g.read, 0);
  const markers: Marker[] = [
    ...f.alerts.map((a) => ({ at: a.opened_at.toISOString(), kind: 'alert' as const, label: a.title })),
    ...published.map((p) => ({ at: p.published_at.toISOString(), kind: 'publication' as const, label: p.title })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    milestones: {
      first_mention: iso(f.firstMention), first_signal: iso(firstSignal), first_alert: iso(firstAlert), declared: f.incident.created_at.toISOString(),
      first_ack: iso(firstAck), first_publication: iso(firstPublication), resolved: iso(f.incident.closed_at),
    },
    durations: {
      detect_seconds: between(f.firstMention, firstAlert), signal_lead_seconds: between(firstSignal, firstAlert),
      ack_seconds: between(firstAlert, firstAck), first_publication_seconds: between(firstAlert, firstPublication),
      resolve_seconds: between(start, f.incident.closed_at),
    },
    read_rates: f.readByGroup.map((g) => ({ ...g, rate: rate(g.sent, g.read) })),
    read_total: { group: null, sent, read, rate: rate(sent, read) },
    series: f.series.map((p) => ({ t: p.t.toISOString(), count: p.count, negative: p.negative })),
    markers, alerts: f.alerts.length, signals: f.signals.length, publications: published.length,
  };
}

export interface MonthlyRow { created_at: Date; closed_at: Date | null; first_alert: Date | null; first_ack: Date | null }
export interface MonthMetrics { month: string; incidents: number; mtta_seconds: number | null; mttr_seconds: number | null }

const mean = (xs: number[]): number | null => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/** Mean time to acknowledge and to resolve, per calendar month (UTC) of declaration, oldest first. */
export function monthlyMetrics(rows: MonthlyRow[]): MonthMetrics[] {
  const months = new Map<string, MonthlyRow[]>();
  for (const r of rows) {
    const key = r.created_at.toISOString().slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), r]);
  }
  return [...months.keys()].sort().map((month) => {
    const list = months.get(month)!;
    const acks = list.map((r) => between(r.first_alert, r.first_ack)).filter((x): x is number => x !== null && x >= 0);
    const resolves = list.map((r) => between(r.first_alert ?? r.created_at, r.closed_at)).filter((x): x is number => x !== null && x >= 0);
    return { month, incidents: list.length, mtta_seconds: mean(acks), mttr_seconds: mean(resolves) };
  });
}
