import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSettingsFromEnv, runParseFeed } from '../../src/cli/commands/parse-feed.js';
import type { ParseFeedLine } from '../../src/cli/commands/parse-feed.js';
import { startFeedServer } from './support/feed-server.js';
import type { FeedServer } from './support/feed-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/feeds/${name}`, import.meta.url));

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

async function runCommand(inputs: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; lines: ParseFeedLine[]; raw: string }> {
  let raw = '';
  const code = await runParseFeed(inputs, { env, write: (text) => (raw += text), now: () => new Date('2024-06-01T00:00:00Z') });
  return { code, raw, lines: raw.trimEnd().split('\n').map((line) => JSON.parse(line) as ParseFeedLine) };
}

describe('parse-feed command', () => {
  const allowLocal = { COLLECTORS_ALLOW_HOSTS: '127.0.0.1' };

  it('exits 0 and prints one ok line per input, in order, for files and URLs', async () => {
    const inputs = [fixture('rss20.xml'), server.url('/gzip'), fixture('atom10.xml'), fixture('cp1252.xml')];
    const { code, lines } = await runCommand(inputs, allowLocal);
    expect(code).toBe(0);
    expect(lines.map((line) => line.input)).toEqual(inputs);
    expect(lines.every((line) => line.ok)).toBe(true);
    const fetched = lines[1] as Extract<ParseFeedLine, { ok: true }>;
    expect(fetched.mentions[0]).toMatchObject({ external_id: 'local-1', url: server.url('/articles/1') });
    expect((lines[3] as Extract<ParseFeedLine, { ok: true }>).mentions[0]?.text).toBe('Hausse de 10 € — l’offre du cœur');
  });

  it('exits 2 when any input fails, with a one-line error for each failure and the others still parsed', async () => {
    const inputs = [fixture('html-page.html'), fixture('rdf10.xml'), server.url('/404'), fixture('missing.xml'), fixture('truncated.xml'), server.url('/feed')];
    const { code, lines, raw } = await runCommand(inputs, allowLocal);
    expect(code).toBe(2);
    expect(lines.map((line) => [line.input, line.ok])).toEqual(inputs.map((input, i) => [input, [1, 5].includes(i)]));
    expect(lines[0]).toMatchObject({ ok: false, error: expect.stringMatching(/HTML page/) });
    expect(lines[2]).toMatchObject({ ok: false, error: 'HTTP 404 Not Found' });
    expect(lines[3]).toMatchObject({ ok: false, error: expect.stringMatching(/^no such file/) });
    expect(raw).not.toMatch(/\n\s+at /); // no stack traces
    expect(raw.trimEnd().split('\n')).toHaveLength(inputs.length);
  });

  it('refuses loopback URLs unless the environment allows them', async () => {
    const refused = await runCommand([server.url('/feed')], {});
    expect(refused.code).toBe(2);
    expect(refused.lines[0]).toMatchObject({ ok: false, error: expect.stringMatching(/private or loopback/) });
    const allowed = await runCommand([`http://localhost:${server.port}/feed`], { COLLECTORS_ALLOW_PRIVATE: 'true' });
    expect(allowed.code).toBe(0);
  });

  it('takes its address policy and limits from the service configuration', () => {
    expect(fetchSettingsFromEnv({}).policy).toEqual({ allowPrivate: false, allowHosts: [] });
    expect(fetchSettingsFromEnv({ COLLECTORS_ALLOW_PRIVATE: 'true', COLLECTORS_ALLOW_HOSTS: ' 127.0.0.1, feeds.intranet ,,10.0.0.0/8' }).policy).toEqual({
      allowPrivate: true,
      allowHosts: ['127.0.0.1', 'feeds.intranet', '10.0.0.0/8'],
    });
    expect(fetchSettingsFromEnv({ COLLECTORS_ALLOW_PRIVATE: 'no' }).policy.allowPrivate).toBe(false);
    expect(fetchSettingsFromEnv({ COLLECTORS_TIMEOUT_MS: '1234' }).limits.timeoutMs).toBe(1234);
    expect(() => fetchSettingsFromEnv({ COLLECTORS_TIMEOUT_MS: 'soon' })).toThrow(/collectors\.timeout_ms/);
  });

  it('works end to end as `pilotfish parse-feed` with its exit codes', () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "const { main } = await import('./src/cli/index.ts'); process.exitCode = await main(process.argv.slice(1));", ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, COLLECTORS_ALLOW_HOSTS: '' },
        timeout: 20_000,
      });
    const ok = cli(['parse-feed', fixture('rss091.xml'), fixture('latin1.xml')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as ParseFeedLine).ok)).toEqual([true, true]);
    const failed = cli(['parse-feed', fixture('rss091.xml'), fixture('empty.xml')]);
    expect(failed.status).toBe(2);
    expect(JSON.parse(failed.stdout.trimEnd().split('\n')[1] ?? '')).toEqual({ input: fixture('empty.xml'), ok: false, error: 'the document is empty' });
    expect(cli(['parse-feed']).status).toBe(2);
  });
});
