// After-action reports of resolved incidents (JSON, Markdown, PDF in French or English) and the monthly
// MTTA/MTTR. Facts come from the repository; figures from the pure computeReport.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Lang } from '../notify/types.js';
import type { Clock } from '../shared/clock.js';
import { conflict, notFound } from '../shared/errors.js';
import { incidentView, incidentsRepository } from './repository.js';
import { computeReport, monthlyMetrics, type MonthMetrics, type ReportFacts } from './report.js';
import { renderPdf } from './report-pdf.js';
import { renderMarkdown, type ReportDocument } from './report-text.js';

/** How far before the first alert the report looks for the first mention and signals. */
const LOOKBACK_MS = 6 * 3600_000;
/** The chart shows an hour before the first mention or alert and half an hour after the resolution. */
const CHART_BEFORE_MS = 3600_000;
const CHART_AFTER_MS = 1800_000;

export function createIncidentReportService(db: Kysely<DB>, deps: { clock: Clock; bucketSeconds: number }) {
  async function facts(id: string): Promise<ReportFacts> {
    const row = await incidentsRepository.row(db, id);
    if (!row) throw notFound('incident');
    if (row.phase !== 'resolved' || !row.closed_at) throw conflict('the after-action report is written once the incident is resolved', 'not_resolved');
    const [view, alerts, points] = await Promise.all([incidentView(db, row), incidentsRepository.alerts(db, id), incidentsRepository.points(db, id)]);
    const watchlistIds = [...new Set(alerts.map((a) => a.watchlist_id).filter((w): w is string => !!w))];
    const anchor = alerts[0]?.opened_at ?? row.created_at;
    const since = new Date(anchor.getTime() - LOOKBACK_MS);
    const [firstMention, signals, readByGroup] = await Promise.all([
      incidentsRepository.firstNegativeMention(db, watchlistIds, since, anchor),
      incidentsRepository.signals(db, watchlistIds, since, row.closed_at),
      incidentsRepository.readByGroup(db, points.filter((p) => p.published_at).map((p) => p.id)),
    ]);
    const chartStart = new Date(Math.min(anchor.getTime(), firstMention?.getTime() ?? Infinity, signals[0]?.created_at.getTime() ?? Infinity) - CHART_BEFORE_MS);
    const series = await incidentsRepository.series(db, watchlistIds, chartStart, new Date(row.closed_at.getTime() + CHART_AFTER_MS));
    return {
      incident: { id, title: row.title, summary: row.summary, created_at: row.created_at, closed_at: row.closed_at, declared_by: view.declared_by?.name ?? null, commander: view.commander?.name ?? null, comms_lead: view.comms_lead?.name ?? null },
      alerts, firstMention, points,
      signals: signals.map((s) => ({ created_at: s.created_at, severity: s.severity, reporter: s.reporter, text: s.text })),
      readByGroup: readByGroup.map((g) => ({ group: g.group_name, sent: Number(g.sent), read: Number(g.read) })),
      series: series.map((b) => ({ t: b.bucket_start, count: Number(b.count), negative: Number(b.negative) })),
    };
  }

  async function document(id: string, lang: Lang): Promise<ReportDocument> {
    const f = await facts(id);
    return { lang, generated_at: deps.clock.now().toISOString(), incident: f.incident, figures: computeReport(f) };
  }

  return {
    document,
    async markdown(id: string, lang: Lang): Promise<string> {
      return renderMarkdown(await document(id, lang));
    },
    async pdf(id: string, lang: Lang): Promise<Buffer> {
      return renderPdf(await document(id, lang));
    },
    /** MTTA and MTTR of resolved incidents per month, over the last `months` months. */
    async monthly(months: number): Promise<MonthMetrics[]> {
      const now = deps.clock.now();
      const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
      const rows = await incidentsRepository.resolvedSince(db, since);
      return monthlyMetrics(rows.map((r) => ({ created_at: r.created_at, closed_at: r.closed_at, first_alert: toDate(r.first_alert), first_ack: toDate(r.first_ack) })));
    },
    /** Ambassador reports filed under the incident's watchlists, from the lookback before its first alert. */
    async signals(id: string) {
      const row = await incidentsRepository.row(db, id);
      if (!row) throw notFound('incident');
      const alerts = await incidentsRepository.alerts(db, id);
      const watchlistIds = [...new Set(alerts.map((a) => a.watchlist_id).filter((w): w is string => !!w))];
      const anchor = alerts[0]?.opened_at ?? row.created_at;
      const rows = await incidentsRepository.signals(db, watchlistIds, new Date(anchor.getTime() - LOOKBACK_MS), row.closed_at ?? deps.clock.now());
      return rows.map((s) => ({ id: s.id, text: s.text, url: s.url, channel: s.channel, severity: s.severity, created_at: s.created_at.toISOString(), reporter: s.reporter }));
    },
  };
}

/** min() over a timestamp comes back as a Date from pg and as a string from some drivers. */
function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}

export type IncidentReportService = ReturnType<typeof createIncidentReportService>;
