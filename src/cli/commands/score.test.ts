import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../args.js';
import { run } from './score.js';

function collect(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
  return { stream, text: () => chunks.join('') };
}

async function score(lines: string[], argv: string[] = []): Promise<{ code: number; out: Array<Record<string, unknown>>; err: string }> {
  const stdout = collect();
  const stderr = collect();
  const stdin = Readable.from(lines.map((l) => `${l}\n`));
  const code = await run(argv, { stdin, stdout: stdout.stream, stderr: stderr.stream });
  const out = stdout.text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, out, err: stderr.text() };
}

describe('pilotfish score', () => {
  it('writes one line per input line, in order, with the contract fields', async () => {
    const { code, out } = await score([
      JSON.stringify({ id: 'a', text: "Grève générale, c'est la galère" }),
      JSON.stringify({ id: 2, text: 'I love this, great job!' }),
      JSON.stringify({ id: 'c', text: 'Réunion mardi' }),
    ]);
    expect(code).toBe(0);
    expect(out.map((o) => o.id)).toEqual(['a', 2, 'c']);
    expect(Object.keys(out[0]!).sort()).toEqual(['id', 'label', 'lang', 'matches', 'risk', 'sentiment']);
    expect(out[0]).toMatchObject({ lang: 'fr', label: 'negative', matches: ['grève'] });
    expect(out[1]).toMatchObject({ lang: 'en', label: 'positive', matches: [] });
    expect(out[2]).toMatchObject({ label: 'neutral', risk: 0 });
  });

  it('reports a malformed line and carries on (exit code 0)', async () => {
    const { code, out } = await score(['{not json', JSON.stringify({ id: 7 }), '[1,2]', JSON.stringify({ id: 8, text: 'ok' })]);
    expect(code).toBe(0);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: null });
    expect(out[0]!.error).toMatch(/invalid JSON/);
    expect(out[1]).toMatchObject({ id: 7, error: expect.stringMatching(/text/) });
    expect(out[2]).toMatchObject({ id: null, error: expect.any(String) });
    expect(out[3]).toMatchObject({ id: 8, label: expect.any(String) });
  });

  it('skips blank lines without output', async () => {
    const { out } = await score(['', JSON.stringify({ id: 1, text: 'hello' }), '   ']);
    expect(out.map((o) => o.id)).toEqual([1]);
  });

  it('honours --lang and a line\'s own "lang"', async () => {
    const text = 'Great show tonight!';
    expect((await score([JSON.stringify({ id: 1, text })], ['--lang', 'fr'])).out[0]!.lang).toBe('fr');
    expect((await score([JSON.stringify({ id: 1, text, lang: 'fr' })])).out[0]!.lang).toBe('fr');
    expect((await score([JSON.stringify({ id: 1, text })])).out[0]!.lang).toBe('en');
  });

  it('adds the names of matching --watchlist queries to "matches"', async () => {
    const { out } = await score(
      [JSON.stringify({ id: 1, text: 'Boycott Nike now' }), JSON.stringify({ id: 2, text: 'Adidas sale' })],
      ['--watchlist', 'nike=nike AND boycott*', '--watchlist', 'sport=nike OR adidas'],
    );
    expect(out[0]!.matches).toEqual(['boycott', 'nike', 'sport']);
    expect(out[1]!.matches).toEqual(['sport']);
  });

  it('rejects a bad option or query as a usage error', async () => {
    await expect(score([], ['--lang', 'de'])).rejects.toBeInstanceOf(CliUsageError);
    await expect(score([], ['--watchlist', 'x=(nike'])).rejects.toThrow(/position 0/);
    await expect(score([], ['--watchlist', 'noequals'])).rejects.toThrow(/NAME=QUERY/);
  });

  it('streams: answers a line before the input ends', async () => {
    const stdin = new PassThrough();
    const received: string[] = [];
    let firstLine: (v: string) => void = () => {};
    const first = new Promise<string>((resolve) => { firstLine = resolve; });
    const stdout = new Writable({ write(chunk, _enc, done) { received.push(String(chunk)); firstLine(String(chunk)); done(); } });
    const running = run([], { stdin, stdout, stderr: collect().stream });
    stdin.write(`${JSON.stringify({ id: 1, text: 'first' })}\n`);
    expect(JSON.parse((await first).trim())).toMatchObject({ id: 1 });
    stdin.end(`${JSON.stringify({ id: 2, text: 'second' })}\n`);
    expect(await running).toBe(0);
    expect(received.join('').trim().split('\n')).toHaveLength(2);
  });

  it('keeps input order over a large input that crosses many write batches', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: i, text: i % 2 ? 'great' : 'awful' }));
    const { out } = await score(lines);
    expect(out).toHaveLength(5000);
    expect(out.every((o, i) => o.id === i)).toBe(true);
  });
});
