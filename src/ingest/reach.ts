// How much a mention's audience weighs. A negative post by an account with 200k followers is not one post
// among many: its risk counts more in the buckets, and an alert whose sample holds such a post is more severe.
// Pure and table-tested; the formula is documented in docs/connectors.md.
//
//   engagement = likes + 2 × reposts + replies          (a repost shows the post to a new audience)
//   audience   = followers + 20 × engagement             (each interaction stands for ~20 people who saw it)
//   weight     = 1 + min(3, log10(1 + audience / 1000))  (1 with no figures; 1.3 at 1k; 2 at ~9k; 3.3 at 200k; ≤ 4)
//   severity steps for a negative post: +1 when weight ≥ 2 (audience ≳ 9k), +2 when weight ≥ 3 (audience ≳ 99k)
import type { Severity } from '../contract/enums.js';
import { SEVERITIES } from '../contract/enums.js';
import type { Reach } from './types.js';

export const REACH_REFERENCE_AUDIENCE = 1000;
export const VIEWS_PER_INTERACTION = 20;
export const MAX_REACH_BOOST = 3;

type Figures = Pick<Reach, 'followers' | 'likes' | 'reposts' | 'replies'>;

const n = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

export function audienceOf(r: Figures | null | undefined): number {
  if (!r) return 0;
  return n(r.followers) + VIEWS_PER_INTERACTION * (n(r.likes) + 2 * n(r.reposts) + n(r.replies));
}

/** Multiplier ≥ 1 of a mention's risk contribution. */
export function reachWeight(r: Figures | null | undefined): number {
  const audience = audienceOf(r);
  if (audience === 0) return 1;
  return 1 + Math.min(MAX_REACH_BOOST, Math.log10(1 + audience / REACH_REFERENCE_AUDIENCE));
}

/** Severity steps a negative mention of this reach adds to an alert it is a sample of. */
export function severitySteps(r: Figures | null | undefined): number {
  const w = reachWeight(r);
  return w >= 3 ? 2 : w >= 2 ? 1 : 0;
}

export function raiseSeverity(severity: Severity, steps: number): Severity {
  const i = SEVERITIES.indexOf(severity);
  return SEVERITIES[Math.min(SEVERITIES.length - 1, i + Math.max(0, steps))]!;
}
