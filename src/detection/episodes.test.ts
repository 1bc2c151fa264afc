import { describe, expect, it } from 'vitest';
import { EpisodeTracker } from './episodes.js';
import type { Heat } from './assessment.js';

const BUCKET = 300_000;
const COOLDOWN = 4 * BUCKET;

/** Runs a heat sequence (one letter per bucket: h hot, w warm, . cold) and reports what happened per bucket. */
function run(sequence: string): string {
  const tracker = new EpisodeTracker('volume_spike', BUCKET, COOLDOWN);
  const heat: Record<string, Heat> = { h: 'hot', w: 'warm', '.': 'cold' };
  return [...sequence]
    .map((c, i) => {
      const raised = tracker.observe(i * BUCKET, heat[c]!) ? 'R' : '';
      const ended = tracker.complete(i * BUCKET) ? 'E' : '';
      return raised + ended || '-';
    })
    .join(' ');
}

describe('EpisodeTracker', () => {
  it.each([
    { sequence: '........', expected: '- - - - - - - -', why: 'nothing happens' },
    { sequence: 'ww......', expected: '- - - - - - - -', why: 'warm alone never opens an episode' },
    { sequence: 'h....', expected: 'R - - - E', why: 'one hot bucket, ended after four quiet buckets (the cool-down)' },
    { sequence: 'hhhh....', expected: 'R - - - - - - E', why: 'a long burst is one episode' },
    { sequence: 'h..h....', expected: 'R - - - - - - E', why: 'bursts closer than the cool-down merge' },
    { sequence: 'hwwww....', expected: 'R - - - - - - - E', why: 'warm buckets keep it alive' },
    { sequence: 'h....h', expected: 'R - - - E R', why: 'a burst after the end is a new episode' },
  ])('$why: $sequence', ({ sequence, expected }) => {
    expect(run(sequence)).toBe(expected);
  });

  it('keys an episode by kind and start time', () => {
    const tracker = new EpisodeTracker('negative_surge', BUCKET, COOLDOWN);
    expect(tracker.observe(Date.UTC(2024, 2, 1, 10, 5), 'hot')).toBe('negative_surge@2024-03-01T10:05:00.000Z');
    expect(tracker.activeKey).toBe('negative_surge@2024-03-01T10:05:00.000Z');
  });
});
