import { describe, expect, it } from 'vitest';
import { coalescing } from './coalesce.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('coalescing', () => {
  it('folds calls made during a run into exactly one more run', async () => {
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const run = coalescing(async () => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      runs++;
      await tick();
      concurrent--;
    });
    const first = run();
    const during = [run(), run(), run()];
    await Promise.all([first, ...during]);
    expect(runs).toBe(2);
    expect(maxConcurrent).toBe(1);
  });

  it('never loses a call that arrives as a run is finishing', async () => {
    let seen = 0;
    let produced = 0;
    const run = coalescing(async () => { seen = produced; await tick(); });
    for (let i = 0; i < 50; i++) {
      produced++;
      void run();
      await new Promise((r) => setTimeout(r, i % 7));
    }
    await run();
    expect(seen).toBe(produced);
  });

  it('propagates a failure and runs again on the next call', async () => {
    let fail = true;
    const run = coalescing(async () => { if (fail) throw new Error('boom'); });
    await expect(run()).rejects.toThrow('boom');
    fail = false;
    await expect(run()).resolves.toBeUndefined();
  });
});
