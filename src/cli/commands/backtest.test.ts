import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../index.js';
import { DEFAULT_QUIET_STREAM, poisson, quietRate, seededRandom } from '../../detection/synthetic.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pilotfish-backtest-'));
let stdout = '';
let stderr = '';

beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    stdout += String(chunk);
    const done = rest.find((r) => typeof r === 'function') as ((err?: Error) => void) | undefined;
    done?.();
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => vi.restoreAllMocks());

function file(name: string, content: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
}

/** Two weeks of 5-minute counts with a burst of 90 at row `burstRow` (1-based data row). */
function csv(burstRow: number): string {
  const random = seededRandom(5);
  const start = Date.UTC(2015, 1, 26, 21, 42, 53);
  const lines = ['timestamp,value'];
  for (let i = 1; i <= 14 * 288; i++) {
    const ms = start + (i - 1) * 300_000;
    const ts = new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
    lines.push(`${ts},${poisson(random, quietRate(ms, DEFAULT_QUIET_STREAM)) + (i === burstRow ? 90 : 0)}`);
  }
  return lines.join('\n') + '\n';
}

describe('pilotfish backtest', () => {
  it('prints one NDJSON alert per line with the input row’s timestamp', async () => {
    const input = file('series.csv', csv(13 * 288));
    expect(await main(['backtest', '--input', input, '--bucket', '5m'])).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const burstTimestamp = csv(13 * 288).split('\n')[13 * 288]!.split(',')[0];
    expect(lines).toEqual([{ timestamp: burstTimestamp, kind: 'volume_spike', score: expect.any(Number), reason: expect.any(String) }]);
    expect(stderr).toBe('');
  });

  it.each([
    { label: 'a missing file', content: null, message: /^pilotfish backtest: cannot read .*: no such file\n$/ },
    { label: 'a bad header', content: 'time,count\n2015-02-26 21:42:53,1\n', message: /^pilotfish backtest: bad header "time,count": expected "timestamp,value"\n$/ },
    { label: 'a bad row', content: 'timestamp,value\n2015-02-26 21:42:53,1\n2015-02-26 21:47:53,lots\n', message: /^pilotfish backtest: line 3: value "lots" is not a number\n$/ },
    { label: 'an empty file', content: '', message: /^pilotfish backtest: .* is empty: expected a "timestamp,value" header\n$/ },
  ])('rejects $label with one line on stderr and exit code 2', async ({ content, message }) => {
    const input = content === null ? path.join(dir, 'absent.csv') : file(`bad-${Math.random()}.csv`, content);
    expect(await main(['backtest', '--input', input])).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it.each([[['backtest']], [['backtest', '--input', 'x.csv', '--bucket', 'soon']], [['backtest', '--nope']]])('rejects bad arguments %j with exit code 2', async (argv) => {
    expect(await main(argv)).toBe(2);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('uses the series’ own step when rows are coarser than the default bucket', async () => {
    const lines = ['timestamp,value', ...Array.from({ length: 48 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1, i)).toISOString()},10`)];
    expect(await main(['backtest', '--input', file('hourly.csv', lines.join('\n'))])).toBe(0);
    expect(stderr).toMatch(/rows are 3600 s apart; using 3600 s buckets/);
  });

  it('reads a one-minute series of negative decimals and raises on its sudden drop', async () => {
    const random = seededRandom(9);
    const start = Date.UTC(2024, 0, 1);
    const drop = 6 * 1440 + 300;
    const lines = ['timestamp,value'];
    for (let i = 0; i < 7 * 1440; i++) {
      const value = -12.5 + (random() - 0.5) * 0.4 + (i >= drop && i < drop + 20 ? -4 : 0);
      lines.push(`${new Date(start + i * 60_000).toISOString()},${value.toFixed(3)}`);
    }
    expect(await main(['backtest', '--input', file('minutes.csv', lines.join('\n'))])).toBe(0);
    expect(stderr).toMatch(/rows are 60 s apart; using 60 s buckets/);
    const alerts = stdout.trim().split('\n').map((l) => JSON.parse(l) as { timestamp: string; reason: string });
    expect(alerts).toEqual([{ timestamp: new Date(start + drop * 60_000).toISOString(), kind: 'volume_spike', score: expect.any(Number), reason: expect.stringMatching(/^Volume dip: -16\.\d+ in 1 min/) }]);
  });
});
