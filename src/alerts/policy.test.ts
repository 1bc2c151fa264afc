import { describe, expect, it } from 'vitest';
import type { PolicySnapshot } from '../db/tables/alerts.js';
import { choosePolicy, FALLBACK_POLICY, nextStep, snapshot, validateSteps, type PolicyCandidate } from './policy.js';

const p = (id: string, over: Partial<PolicyCandidate> = {}): PolicyCandidate => ({
  id, name: id, watchlist_id: null, min_severity: 'low', repeat: 0, is_default: false,
  steps: [{ delay_minutes: 0, targets: [{ role: 'crisis' }], channels: ['ws'] }], ...over,
});

describe('choosePolicy', () => {
  const policies = [
    p('default', { is_default: true }),
    p('global-high', { min_severity: 'high' }),
    p('wl-any', { watchlist_id: 'w1' }),
    p('wl-critical', { watchlist_id: 'w1', min_severity: 'critical' }),
  ];
  it.each([
    ['w1', 'low', 'wl-any'],
    ['w1', 'critical', 'wl-critical'],
    ['w2', 'low', 'default'],
    ['w2', 'high', 'global-high'],
    [null, 'medium', 'default'],
  ] as const)('watchlist %s, severity %s → %s', (wl, sev, expected) => {
    expect(choosePolicy(policies, wl, sev)?.id).toBe(expected);
  });

  it('returns null when nothing accepts the severity, and the snapshot falls back to the crisis team', () => {
    expect(choosePolicy([p('only-critical', { min_severity: 'critical' })], 'w1', 'low')).toBeNull();
    expect(snapshot(null, 3)).toBe(FALLBACK_POLICY);
  });

  it('caps repeat at the configured maximum', () => {
    expect(snapshot(p('r', { repeat: 50 }), 3).repeat).toBe(3);
  });
});

describe('nextStep', () => {
  const policy: PolicySnapshot = { id: 'x', name: 'x', repeat: 1, steps: [
    { delay_minutes: 0, targets: [{ role: 'crisis' }], channels: ['ws'] },
    { delay_minutes: 15, targets: [{ role: 'admin' }], channels: ['email'] },
  ] };
  it('walks the steps, repeats once, then stops', () => {
    expect(nextStep(policy, { step: 0, cycle: 0 })).toEqual({ position: { step: 1, cycle: 0 }, delayMinutes: 15 });
    expect(nextStep(policy, { step: 1, cycle: 0 })).toEqual({ position: { step: 0, cycle: 1 }, delayMinutes: 1 });
    expect(nextStep(policy, { step: 0, cycle: 1 })).toEqual({ position: { step: 1, cycle: 1 }, delayMinutes: 15 });
    expect(nextStep(policy, { step: 1, cycle: 1 })).toBeNull();
  });
});

describe('validateSteps', () => {
  it.each([
    [[], 'steps'],
    [[{ delay_minutes: -1, targets: [{ role: 'crisis' }], channels: ['ws'] }], 'steps[0].delay_minutes'],
    [[{ delay_minutes: 0, targets: [], channels: ['ws'] }], 'steps[0].targets'],
    [[{ delay_minutes: 0, targets: [{ role: 'pirate' }], channels: ['ws'] }], 'steps[0].targets[0].role'],
    [[{ delay_minutes: 0, targets: [{ webhook_url: 'ftp://x' }], channels: ['webhook'] }], 'steps[0].targets[0].webhook_url'],
    [[{ delay_minutes: 0, targets: [{ role: 'crisis' }], channels: ['pager'] }], 'steps[0].channels[0]'],
    [[{ delay_minutes: 0, targets: [{ nobody: 1 }], channels: ['ws'] }], 'steps[0].targets[0]'],
  ])('refuses %j naming %s', (steps, field) => {
    expect(() => validateSteps(steps as never)).toThrow(expect.objectContaining({ field }));
  });
});
