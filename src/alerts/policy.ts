// Escalation policies, pure: which policy applies to an alert, validation of steps, and what comes after
// a step (next step, a new cycle when the policy repeats, or the end). No I/O.
import { SEVERITIES, type Channel, type PolicyStep, type Severity, type Target } from '../db/tables/escalation-policies.js';
import type { PolicySnapshot } from '../db/tables/alerts.js';
import { badRequest } from '../shared/errors.js';

export interface PolicyCandidate { id: string; name: string; watchlist_id: string | null; min_severity: Severity; steps: PolicyStep[]; repeat: number; is_default: boolean }

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/**
 * The most specific policy that accepts the severity: one for this watchlist first, then one for any
 * watchlist, then the default. Among equals, the highest minimum severity wins (the most targeted rule).
 */
export function choosePolicy(policies: readonly PolicyCandidate[], watchlistId: string | null, severity: Severity): PolicyCandidate | null {
  const accepts = (p: PolicyCandidate) => severityRank(severity) >= severityRank(p.min_severity);
  const byRank = (list: PolicyCandidate[]) => list.sort((a, b) => severityRank(b.min_severity) - severityRank(a.min_severity))[0] ?? null;
  return byRank(policies.filter((p) => watchlistId !== null && p.watchlist_id === watchlistId && accepts(p)))
    ?? byRank(policies.filter((p) => p.watchlist_id === null && !p.is_default && accepts(p)))
    ?? byRank(policies.filter((p) => p.is_default && accepts(p)));
}

/** Used when no policy exists at all: page the crisis team on the stream and by email, once. */
export const FALLBACK_POLICY: PolicySnapshot = {
  id: null, name: 'Built-in: crisis team', repeat: 0,
  steps: [{ delay_minutes: 0, targets: [{ role: 'crisis' }], channels: ['ws', 'email'] }],
};

export function snapshot(policy: PolicyCandidate | null, maxRepeats: number): PolicySnapshot {
  if (!policy) return FALLBACK_POLICY;
  return { id: policy.id, name: policy.name, steps: policy.steps, repeat: Math.min(policy.repeat, maxRepeats) };
}

export interface StepPosition { step: number; cycle: number }

/** After running `at`, the next position and how long to wait before it, or null when the policy is done. */
export function nextStep(policy: PolicySnapshot, at: StepPosition): { position: StepPosition; delayMinutes: number } | null {
  const following = policy.steps[at.step + 1];
  if (following) return { position: { step: at.step + 1, cycle: at.cycle }, delayMinutes: following.delay_minutes };
  if (at.cycle < policy.repeat && policy.steps[0]) {
    // A repeat waits at least a minute so that a policy of zero delays cannot page in a tight loop.
    return { position: { step: 0, cycle: at.cycle + 1 }, delayMinutes: Math.max(1, policy.steps[0].delay_minutes) };
  }
  return null;
}

const CHANNELS: readonly Channel[] = ['ws', 'email', 'webhook'];
const ROLES = ['admin', 'crisis', 'comms', 'ambassador'];

function validateTarget(t: Target, path: string): void {
  const keys = Object.keys(t);
  if ('role' in t) {
    if (!ROLES.includes(t.role)) throw badRequest(`${path}.role`, `must be one of ${ROLES.join(', ')}`);
  } else if ('user_id' in t) {
    if (!/^[0-9a-f-]{36}$/i.test(t.user_id)) throw badRequest(`${path}.user_id`, 'must be a user id');
  } else if ('email' in t) {
    if (!/^[^\s@]+@[^\s@]+$/.test(t.email)) throw badRequest(`${path}.email`, 'must be an email address');
  } else if ('webhook_url' in t) {
    if (!/^https?:\/\//i.test(t.webhook_url)) throw badRequest(`${path}.webhook_url`, 'must be an http(s) URL');
    if (t.format && !['json', 'slack', 'teams'].includes(t.format)) throw badRequest(`${path}.format`, 'must be json, slack or teams');
  } else {
    throw badRequest(path, `must have one of role, user_id, email, webhook_url (got ${keys.join(', ') || 'nothing'})`);
  }
}

export function validateSteps(steps: PolicyStep[]): void {
  if (steps.length === 0) throw badRequest('steps', 'must have at least one step');
  steps.forEach((s, i) => {
    if (!(s.delay_minutes >= 0 && s.delay_minutes <= 10080)) throw badRequest(`steps[${i}].delay_minutes`, 'must be between 0 and 10080');
    if (s.targets.length === 0) throw badRequest(`steps[${i}].targets`, 'must have at least one target');
    if (s.channels.length === 0) throw badRequest(`steps[${i}].channels`, 'must have at least one channel');
    s.channels.forEach((c, j) => { if (!CHANNELS.includes(c)) throw badRequest(`steps[${i}].channels[${j}]`, 'must be ws, email or webhook'); });
    s.targets.forEach((t, j) => validateTarget(t, `steps[${i}].targets[${j}]`));
  });
}
