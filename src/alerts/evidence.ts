// Each alert's own evidence. Written when the alert is raised, in its transaction: the mentions of its
// watchlist and window that made it (chosen by kind: the reports themselves for an ambassador alert,
// critical first), the terms that rose against the day before, and what the observed value was measured
// against (the model's expectation, or a threshold, labelled as such). The series of its window and the
// baseline band are read from the buckets when the alert is shown: buckets outlive raw mentions.
import type { Kysely } from 'kysely';
import type { AlertEvidence, EvidenceMention, EvidenceReference, EvidenceSeries, RisingTerm, StoredEvidence } from '../contract/evidence.js';
import type { DB } from '../db/schema.js';
import type { Candidate } from '../detection/index.js';
import { listMentions } from '../mentions/query.js';
import { analyze, scoreAnalyzed } from '../scoring/index.js';
import { evidenceRepository as repo, type Window } from './evidence-repository.js';

export const EVIDENCE_MENTIONS = 8;
const DEFAULT_BUCKET_SECONDS = 300;
const DAY_MS = 86400_000;
/** Mentions of the window scanned for the rising terms of an emerging-term alert. */
const TERM_SCAN = 200;
const MAX_POINTS = 400;

export function windowOf(candidate: Candidate): Window {
  const start = new Date(candidate.explanation.window.start);
  const end = new Date(candidate.explanation.window.end);
  return Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) ? { start: new Date(candidate.bucketStart), end: new Date(candidate.bucketStart) } : { start, end };
}

/** What the observed value was compared with: the detector's own expectation, or a rule's threshold. */
export function referenceOf(candidate: Candidate): EvidenceReference {
  const e = candidate.explanation;
  if (candidate.kind === 'ambassador_signal') {
    const critical = Number(e.details?.critical ?? 0);
    return critical > 0
      ? { kind: 'threshold', measure: 'critical_reports', observed: critical, value: 1, factor: null }
      : { kind: 'threshold', measure: 'ambassadors', observed: e.observed, value: e.expected, factor: null };
  }
  const measure = ({ volume_spike: 'mentions', negative_surge: 'negative_mentions', risk_burst: 'risk_mass', emerging_term: 'term_count' } as const)[candidate.kind];
  return { kind: 'expected', measure, observed: e.observed, value: e.expected, factor: e.factor };
}

function sumTerms(rows: { terms: Record<string, number> | null }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) for (const [k, n] of Object.entries(r.terms ?? {})) out.set(k, (out.get(k) ?? 0) + Number(n));
  return out;
}

/** Terms of the window's buckets that stand out against the day before, scaled to the window's length. */
async function risingTerms(db: Kysely<DB>, watchlistId: string, w: Window, lead: string[]): Promise<RisingTerm[]> {
  const [inWindow, before] = await Promise.all([
    repo.buckets(db, watchlistId, w.start, w.end),
    repo.buckets(db, watchlistId, new Date(w.start.getTime() - DAY_MS), w.start),
  ]);
  const now = sumTerms(inWindow);
  const past = sumTerms(before);
  const scale = Math.max(w.end.getTime() - w.start.getTime(), 1) / DAY_MS;
  const usualOf = (term: string) => (before.length ? Math.round((past.get(term) ?? 0) * scale * 100) / 100 : null);
  const rising = [...now].filter(([term, n]) => !lead.includes(term) && n >= 2 && n > 2 * (usualOf(term) ?? 0))
    .sort((a, b) => b[1] / ((usualOf(b[0]) ?? 0) + 0.5) - a[1] / ((usualOf(a[0]) ?? 0) + 0.5) || (a[0] < b[0] ? -1 : 1));
  const leading = lead.map((term) => [term, now.get(term) ?? 0] as [string, number]);
  return [...leading, ...rising].slice(0, 8).map(([term, count]) => ({ term, count, usual: usualOf(term) }));
}

async function mentionRefs(db: Kysely<DB>, watchlistId: string, candidate: Candidate, w: Window, terms: string[]): Promise<StoredEvidence['mentions']> {
  const refs: StoredEvidence['mentions'] = [];
  const add = (ids: number[]) => {
    for (const id of ids) if (refs.length < EVIDENCE_MENTIONS && !refs.some((r) => r.id === id)) refs.push({ id, report: null });
  };
  switch (candidate.kind) {
    case 'ambassador_signal': {
      const reports = await repo.reportsInWindow(db, watchlistId, w, EVIDENCE_MENTIONS);
      refs.push(...reports.map((r) => ({ id: r.mention_id, report: { severity: r.severity, channel: r.channel } })));
      // Then what the public said meanwhile, when there is room.
      add((await repo.mentionsInWindow(db, watchlistId, w, 'recent', EVIDENCE_MENTIONS * 2)).map((m) => m.id));
      break;
    }
    case 'negative_surge': add((await repo.mentionsInWindow(db, watchlistId, w, 'negative', EVIDENCE_MENTIONS)).map((m) => m.id)); break;
    case 'risk_burst': add((await repo.mentionsInWindow(db, watchlistId, w, 'risky', EVIDENCE_MENTIONS)).map((m) => m.id)); break;
    case 'emerging_term': {
      const scanned = await repo.mentionsInWindow(db, watchlistId, w, 'recent', TERM_SCAN);
      const wanted = new Set(terms);
      add(scanned.filter((m) => scoreAnalyzed(analyze(m.text, m.lang === 'fr' || m.lang === 'en' ? m.lang : 'auto')).terms.some((t) => wanted.has(t))).map((m) => m.id));
      break;
    }
    case 'volume_spike': add((await repo.mentionsInWindow(db, watchlistId, w, 'recent', EVIDENCE_MENTIONS)).map((m) => m.id)); break;
  }
  return refs;
}

/** The evidence of a candidate, read in the transaction that raises its alert. */
export async function collectEvidence(db: Kysely<DB>, watchlistId: string, candidate: Candidate): Promise<StoredEvidence> {
  const w = windowOf(candidate);
  const lead = candidate.kind === 'emerging_term' ? candidate.explanation.top_terms : [];
  const rising_terms = await risingTerms(db, watchlistId, w, lead);
  const [someBucket] = await repo.buckets(db, watchlistId, new Date(candidate.bucketStart), new Date(candidate.bucketStart + 1));
  return {
    version: 1, kind: candidate.kind, watchlist_id: watchlistId,
    window: { start: w.start.toISOString(), end: w.end.toISOString() },
    bucket_seconds: someBucket?.bucket_seconds ?? DEFAULT_BUCKET_SECONDS,
    reference: referenceOf(candidate),
    rising_terms,
    mentions: await mentionRefs(db, watchlistId, candidate, w, lead.length ? lead : rising_terms.map((t) => t.term)),
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Counts per bucket slot in [from, to), zeros for buckets nobody wrote. */
function slots(rows: { bucket_start: Date; count: number; negative: number }[], from: number, to: number, bucketMs: number) {
  const byStart = new Map(rows.map((r) => [r.bucket_start.getTime(), r]));
  const out: { t: number; count: number; negative: number }[] = [];
  for (let t = from; t < to; t += bucketMs) out.push({ t, count: byStart.get(t)?.count ?? 0, negative: byStart.get(t)?.negative ?? 0 });
  return out;
}

/**
 * The alert's own watchlist around its window (as long again before, half as long after, at least a few
 * buckets), and the usual range per bucket over the day before the chart starts.
 */
export async function seriesOf(db: Kysely<DB>, e: StoredEvidence, now: Date): Promise<EvidenceSeries> {
  const bucketMs = e.bucket_seconds * 1000;
  const align = (ms: number) => Math.floor(ms / bucketMs) * bucketMs;
  const start = new Date(e.window.start).getTime();
  const end = new Date(e.window.end).getTime();
  const span = Math.max(end - start, bucketMs);
  let from = align(start - Math.max(span, 12 * bucketMs));
  const to = Math.max(align(Math.min(end + Math.max(span / 2, 6 * bucketMs), now.getTime())) + bucketMs, align(end - 1) + bucketMs);
  if ((to - from) / bucketMs > MAX_POINTS) from = to - MAX_POINTS * bucketMs;
  const bandFrom = Math.max(from - DAY_MS, from - MAX_POINTS * 4 * bucketMs);
  const [rows, before] = await Promise.all([
    repo.buckets(db, e.watchlist_id, new Date(from), new Date(to)),
    repo.buckets(db, e.watchlist_id, new Date(bandFrom), new Date(from)),
  ]);
  const usual = slots(before, bandFrom, from, bucketMs).map((p) => p.count).sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    bucket_seconds: e.bucket_seconds, from: new Date(from).toISOString(), to: new Date(to).toISOString(),
    points: slots(rows, from, to, bucketMs).map((p) => ({ t: new Date(p.t).toISOString(), count: p.count, negative: p.negative })),
    band: { low: round(quantile(usual, 0.1)), median: round(quantile(usual, 0.5)), high: round(quantile(usual, 0.9)), from: new Date(bandFrom).toISOString(), to: new Date(from).toISOString() },
  };
}

/** The stored evidence with its mentions' text (in the stored order) and the window's series. */
export async function readEvidence(db: Kysely<DB>, stored: StoredEvidence, now: Date): Promise<AlertEvidence> {
  const ids = stored.mentions.map((m) => m.id);
  const [found, series] = await Promise.all([
    ids.length ? listMentions(db, { ids, limit: ids.length }).then((r) => r.items) : Promise.resolve([]),
    seriesOf(db, stored, now),
  ]);
  const byId = new Map(found.map((m) => [m.id, m]));
  const mentions: EvidenceMention[] = stored.mentions.map((ref) => {
    const m = byId.get(ref.id);
    return m
      ? { id: ref.id, available: true, text: m.text, author: m.author, url: m.url, published_at: m.published_at, label: m.label, risk: m.risk, source_kind: m.source_kind, report: ref.report }
      : { id: ref.id, available: false, text: null, author: null, url: null, published_at: null, label: null, risk: null, source_kind: null, report: ref.report };
  });
  return { ...stored, mentions, series };
}
