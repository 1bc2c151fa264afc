// The Mastodon connector against a local instance: REST seed and live streaming, boosts as reach of the
// original, deletions, catch-up after the instance was down, refused token, 429 + Retry-After, and the
// polling fallback when the streaming API is not available.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { waitUntil } from '../support/live.js';
import { MastodonServer } from './support/mastodon-server.js';
import { createStreamSource, createStreamTestApp, createWatchlist, sourceRow, storedMentions, streamInstance, type Instance } from './support/streams.js';

let t: TestApp;
let server: MastodonServer;
const instances: Instance[] = [];

beforeAll(async () => {
  t = await createStreamTestApp();
  await createWatchlist(t, 'acme');
});
afterAll(async () => { await t.close(); });
afterEach(async () => {
  await Promise.all(instances.splice(0).map((i) => i.runtime.stop()));
  // Each test's sources end with it: the next test's instances must not pick them up.
  await t.db.database.db.updateTable('sources').set({ enabled: false }).execute();
  await server?.close();
});

async function start(): Promise<Instance> {
  const instance = streamInstance(t, `instance-${instances.length}`);
  instances.push(instance);
  await instance.runtime.start();
  return instance;
}

const texts = async (sourceId: string) => (await storedMentions(t, sourceId)).map((m) => m.text);

describe('Mastodon', () => {
  it('seeds from the REST timeline, streams new posts, counts boosts as reach and catches up after an outage', async () => {
    server = await new MastodonServer().start();
    for (let i = 1; i <= 3; i++) server.post(`Old post ${i} about <b>#acme</b>`, { tags: ['acme'] });
    const source = await createStreamSource(t, 'mastodon', server.url, { hashtags: ['acme'] });
    await start();
    await waitUntil(async () => server.streamingClients === 1 && (await storedMentions(t, source.id)).length === 3);
    const live = server.post('Grève chez Acme &amp; co', { tags: ['acme'], language: 'fr', followers: 12_000 });
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 4);
    const stored = (await storedMentions(t, source.id)).find((m) => m.external_id === live.id)!;
    expect(stored).toMatchObject({ text: 'Grève chez Acme & co', lang: 'fr', network: 'mastodon', author_followers: 12_000, likes: 2, replies: 1, author: 'alice@social.example' });

    // A boost arriving on the stream: no new mention, the original's reposts go up.
    const boost = { ...live, id: String(BigInt(live.id) + 1n), reblog: { ...live, reblogs_count: 42 }, content: '' };
    server.streamRaw({ stream: ['hashtag', 'acme'], event: 'update', payload: JSON.stringify(boost) });
    await waitUntil(async () => (await storedMentions(t, source.id)).find((m) => m.external_id === live.id)?.reposts === 42);
    expect(await storedMentions(t, source.id)).toHaveLength(4);

    // The instance goes down; posts made meanwhile are caught up over REST (min_id) once it is back.
    server.down = true;
    server.dropStreaming();
    await waitUntil(async () => (await sourceRow(t, source.id)).state === 'backing_off');
    const missed = [5, 6, 7].map((i) => server.post(`Missed post ${i} #acme`, { tags: ['acme'] }));
    server.down = false;
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 7, 10_000);
    expect(server.requests.some((r) => r.query.get('min_id') !== null)).toBe(true);
    const ids = (await storedMentions(t, source.id)).map((m) => m.external_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(missed.map((m) => m.id)));
    expect(ids).not.toContain(boost.id);
  });

  it('marks a deleted status deleted', async () => {
    server = await new MastodonServer().start();
    const source = await createStreamSource(t, 'mastodon', server.url, { hashtags: ['acme'] });
    await start();
    await waitUntil(async () => server.streamingClients === 1);
    const status = server.post('Acme will be gone', { tags: ['acme'] });
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 1);
    server.deleteStatus(status.id);
    await waitUntil(async () => (await storedMentions(t, source.id))[0]?.deleted_at);
    expect(await texts(source.id)).toEqual(['']);
  });

  it('keeps only watchlist matches from the public timeline and skips malformed frames', async () => {
    server = await new MastodonServer().start();
    const source = await createStreamSource(t, 'mastodon', server.url, { timeline: 'public' });
    await start();
    await waitUntil(async () => server.streamingClients === 1);
    server.streamRaw('garbage');
    server.streamRaw({ stream: ['public'], event: 'update', payload: '{not json' });
    server.streamRaw({ stream: ['public'], event: 'update', payload: JSON.stringify({ id: '1' }) });
    server.post('Nothing to see here');
    server.post('ACME announces layoffs');
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 1);
    expect(await texts(source.id)).toEqual(['ACME announces layoffs']);
    await waitUntil(async () => Number((await sourceRow(t, source.id)).error_count) >= 3);
    expect(server.streamingClients).toBe(1);
  });

  it('sends the sealed access token, and disables the source when it is refused', async () => {
    server = await new MastodonServer().start();
    server.token = 'the-right-token';
    server.post('acme private', { tags: ['acme'] });
    const good = await createStreamSource(t, 'mastodon', server.url, { hashtags: ['acme'] }, { access_token: 'the-right-token' });
    const bad = await createStreamSource(t, 'mastodon', server.url, { hashtags: ['acme'] }, { access_token: 'a-wrong-token' });
    await start();
    await waitUntil(async () => (await storedMentions(t, good.id)).length === 1);
    const row = await waitUntil(async () => { const r = await sourceRow(t, bad.id); return r.enabled ? null : r; });
    expect(row).toMatchObject({ state: 'disabled' });
    expect(row.disabled_reason).toMatch(/HTTP 401.*token/);
    expect(server.requests.some((r) => r.authorization === 'Bearer the-right-token')).toBe(true);
    await t.db.database.db.updateTable('sources').set({ enabled: false }).where('id', '=', good.id).execute();
  });

  it('honours Retry-After on a 429 and polls the REST API when streaming is unavailable', async () => {
    server = await new MastodonServer().start();
    server.streamingDisabled = true;
    server.rateLimitNext(1, '9');
    const source = await createStreamSource(t, 'mastodon', server.url, { hashtags: ['acme'] });
    const a = await start();
    server.post('acme polled 1', { tags: ['acme'] });
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 1, 10_000);
    expect(a.timers.asked.some((ms) => ms >= 9000)).toBe(true);
    server.post('acme polled 2', { tags: ['acme'] });
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 2, 10_000);
    expect(server.streamingClients).toBe(0);
    expect((await sourceRow(t, source.id)).enabled).toBe(true);
  });
});
