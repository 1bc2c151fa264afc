import { describe, expect, it } from 'vitest';
import { HostLimiter } from './limiter.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('HostLimiter', () => {
  it('never runs more than perHost tasks for one host, and runs them all', async () => {
    const limiter = new HostLimiter(2);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return 'done';
    };
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => limiter.run(`https://news.example.com/feed/${i}`, task)));
    expect(results).toEqual(Array(7).fill('done'));
    expect(peak).toBe(2);
    expect(limiter.busyHosts).toBe(0);
  });

  it('does not hold back other hosts while one is saturated', async () => {
    const limiter = new HostLimiter(1);
    const gate = deferred();
    const blocked = limiter.run('https://slow.example.com/a', () => gate.promise);
    const queued = limiter.run('https://SLOW.example.com:8443/b', async () => 'second');
    expect(limiter.waiting('https://slow.example.com/')).toBe(1);
    await expect(limiter.run('https://fast.example.org/c', async () => 'other host')).resolves.toBe('other host');
    gate.resolve();
    await blocked;
    await expect(queued).resolves.toBe('second');
  });

  it('frees the slot when a task fails, synchronously or not', async () => {
    const limiter = new HostLimiter(1);
    await expect(limiter.run('https://a.example.com/', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('https://a.example.com/', () => { throw new Error('sync'); })).rejects.toThrow('sync');
    await expect(limiter.run('https://a.example.com/', async () => 'ok')).resolves.toBe('ok');
    expect(limiter.active('https://a.example.com/')).toBe(0);
  });

  it('serves waiting tasks in arrival order', async () => {
    const limiter = new HostLimiter(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => limiter.run('https://q.example.com/', async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('rejects a nonsensical limit', () => {
    expect(() => new HostLimiter(0)).toThrow(RangeError);
  });
});
