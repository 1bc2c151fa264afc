// An alert's summary as a message key and its parameters, so each interface language says it in its own
// words (the English `title` and `explanation.summary` stay as they are for the API and the notifiers).
// Derived from the stored explanation, so alerts raised before this existed are worded too.
import type { AlertKind } from '../contract/enums.js';

export type WordingParams = Record<string, string | number>;
export interface Wording { key: string; params: WordingParams }

interface StoredExplanation {
  observed?: unknown; expected?: unknown; factor?: unknown;
  window?: { start?: unknown; end?: unknown }; details?: Record<string, unknown>;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function windowMinutes(e: StoredExplanation): number {
  const start = Date.parse(String(e.window?.start ?? ''));
  const end = Date.parse(String(e.window?.end ?? ''));
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, Math.round((end - start) / 60_000)) : 0;
}

const BUILDERS: Record<AlertKind, (e: StoredExplanation, d: Record<string, unknown>) => WordingParams> = {
  volume_spike: (e, d) => ({ observed: num(e.observed), expected: round(num(e.expected), 1), factor: round(num(e.factor), 1), direction: d.direction === 'down' ? 'down' : 'up' }),
  negative_surge: (e, d) => ({ negative: num(e.observed), mentions: num(d.mentions), share: Math.round(num(d.share) * 100), usual: Math.round(num(d.baseline_share) * 100) }),
  risk_burst: (e, d) => ({ mass: round(num(e.observed), 1), mentions: num(d.mentions), expected: round(num(e.expected), 1) }),
  emerging_term: (e, d) => ({ term: String(d.term ?? ''), count: num(e.observed), mentions: num(d.window_mentions), expected: round(num(e.expected), 1) }),
  ambassador_signal: (e, d) => ({ count: num(d.reports), ambassadors: num(d.distinct_ambassadors ?? e.observed), critical: num(d.critical) }),
};

/** The key is `alert_summary.<kind>` (volume: `…volume_spike_down` for a fall); null for an unknown kind. */
export function alertWording(kind: string, explanation: unknown): Wording | null {
  const build = BUILDERS[kind as AlertKind];
  if (!build || typeof explanation !== 'object' || explanation === null) return null;
  const e = explanation as StoredExplanation;
  const params: WordingParams = { ...build(e, e.details ?? {}), minutes: windowMinutes(e) };
  const key = kind === 'volume_spike' && params.direction === 'down' ? 'alert_summary.volume_spike_down' : `alert_summary.${kind}`;
  return { key, params };
}
