import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dueEvents, eventTime, parseScenario } from './scenario.js';

const bundled = JSON.parse(readFileSync(new URL('../../scenarios/demo-crisis.json', import.meta.url), 'utf8'));

describe('parseScenario', () => {
  it('accepts the bundled demo scenario: calm first, then a burst with ambassador reports', () => {
    const s = parseScenario(bundled);
    expect(s.events.length).toBeGreaterThan(50);
    const firstMinute = s.events.filter((e) => e.at < 60);
    const lastMinute = s.events.filter((e) => e.at >= 110);
    expect(lastMinute.length).toBeGreaterThan(firstMinute.length * 2);
    expect(s.events.filter((e) => e.signal).map((e) => e.signal!.severity)).toContain('critical');
    expect(new Set(s.events.map((e) => e.lang))).toEqual(new Set(['fr', 'en']));
  });

  it.each([
    [{ events: [{ at: 0, text: 'x' }] }, 'scenario.name'],
    [{ name: 'n', events: [] }, 'scenario.events'],
    [{ name: 'n', events: [{ at: -1, text: 'x' }] }, 'scenario.events[0].at'],
    [{ name: 'n', events: [{ at: 0, text: '' }] }, 'scenario.events[0].text'],
    [{ name: 'n', events: [{ at: 0, text: 'x', url: 'ftp://x' }] }, 'scenario.events[0].url'],
    [{ name: 'n', events: [{ at: 0, text: 'x', signal: { severity: 'doom' } }] }, 'scenario.events[0].signal.severity'],
    [{ name: 'n', events: [{ at: 0, text: 'x' }], watchlist: { name: 'w' } }, 'scenario.watchlist.query'],
  ])('refuses %j naming %s', (raw, field) => {
    expect(() => parseScenario(raw)).toThrow(expect.objectContaining({ field }));
  });

  it('sorts events by time', () => {
    const s = parseScenario({ name: 'n', events: [{ at: 5, text: 'b' }, { at: 1, text: 'a' }] });
    expect(s.events.map((e) => e.text)).toEqual(['a', 'b']);
  });
});

describe('scheduling', () => {
  const s = parseScenario({ name: 'n', events: [{ at: 0, text: 'a' }, { at: 30, text: 'b' }, { at: 60, text: 'c' }] });
  it.each([[0, 1, [0]], [29_000, 1, [0]], [30_000, 1, [0, 1]], [15_000, 2, [0, 1]], [10_000, 6, [0, 1, 2]]])('after %i ms at speed %i, events %j are due', (elapsed, speed, due) => {
    expect(dueEvents(s, elapsed, speed)).toEqual(due);
  });
  it('places an event in real time according to the speed', () => {
    expect(eventTime(new Date('2026-01-01T00:00:00Z'), s.events[2]!, 2).toISOString()).toBe('2026-01-01T00:00:30.000Z');
  });
});
