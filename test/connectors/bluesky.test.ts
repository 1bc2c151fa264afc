// The Bluesky connector against a local Jetstream relay: resume after a drop with every matching post stored
// once, identity handles, deletions, malformed and oversize frames, refused credentials, 429 + Retry-After,
// and two instances sharing one database with a single consumer.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/shared/clock.js';
import type { TestApp } from '../support/app.js';
import { waitUntil } from '../support/live.js';
import { CLI_ACTOR } from '../../src/shared/actor.js';
import { deleteEvent, identityEvent, JetstreamRelay, likeEvent, postEvent, postView } from './support/jetstream-relay.js';
import { createStreamSource, createStreamTestApp, createWatchlist, sourceRow, storedMentions, streamInstance, type Instance } from './support/streams.js';

let t: TestApp;
let relay: JetstreamRelay;
const instances: Instance[] = [];

beforeAll(async () => {
  t = await createStreamTestApp();
  await createWatchlist(t, 'acme AND (strike OR recall)');
});
afterAll(async () => { await t.close(); });
afterEach(async () => {
  await Promise.all(instances.splice(0).map((i) => i.runtime.stop()));
  // Each test's sources end with it: the next test's instances must not pick them up.
  await t.db.database.db.updateTable('sources').set({ enabled: false }).execute();
  await relay?.close();
});

async function start(name: string, clock?: ReturnType<typeof manualClock>): Promise<Instance> {
  const instance = streamInstance(t, name, clock ? { clock } : {});
  instances.push(instance);
  await instance.runtime.start();
  return instance;
}

describe('Bluesky over Jetstream', () => {
  it('stores each matching post exactly once across a dropped connection, resuming from the cursor', async () => {
    relay = await new JetstreamRelay().start();
    const source = await createStreamSource(t, 'bluesky', relay.url);
    const matching: string[] = [];
    const emitBatch = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        if (i % 3 === 0) { const e = relay.emit(postEvent(7, `ACME workers on strike, day ${i}`)); matching.push(String(e.commit!.rkey)); }
        else if (i % 3 === 1) relay.emit(postEvent(8, `Lovely weather today ${i}`));
        else relay.emit(likeEvent(9));
      }
    };
    emitBatch(0, 60); // before the first connection: no cursor yet, so the relay sends only what comes next
    await start('a');
    await waitUntil(async () => relay.connections === 1);
    relay.emit(identityEvent(7, 'ceo.acme.example')); // author 7's handle, known from here on
    emitBatch(60, 150);
    await waitUntil(async () => (await storedMentions(t, source.id)).length >= 25, 10_000);
    relay.dropAll();
    emitBatch(150, 300); // while disconnected: replayed from the cursor after the reconnect
    const expected = matching.filter((_, i) => i >= 20); // the 20 matching posts of events 0..59 were never sent
    await waitUntil(async () => (await storedMentions(t, source.id)).length >= expected.length, 15_000);
    await new Promise((r) => setTimeout(r, 300)); // a late duplicate would show up here

    const stored = await storedMentions(t, source.id);
    expect(stored.map((m) => m.external_id.split('/').pop()).sort()).toEqual([...expected].sort());
    expect(stored.every((m) => /strike/.test(m.text))).toBe(true);
    expect(stored[0]).toMatchObject({ author: 'ceo.acme.example', network: 'bluesky', lang: 'en' });
    expect(stored[0]!.url).toMatch(/^https:\/\/bsky\.app\/profile\/did:plc:user7\/post\/3k/);
    const resumed = relay.handshakes.at(-1)!;
    expect(resumed.searchParams.getAll('wantedCollections')).toEqual(['app.bsky.feed.post']);
    expect(Number(resumed.searchParams.get('cursor'))).toBeGreaterThan(0);
    await waitUntil(async () => (await sourceRow(t, source.id)).state === 'connected');
  });

  it('marks a deleted post deleted and hides its text', async () => {
    relay = await new JetstreamRelay().start();
    const source = await createStreamSource(t, 'bluesky', relay.url);
    await start('a');
    await waitUntil(async () => relay.connections === 1);
    const post = relay.emit(postEvent(3, 'Un rappel de produits chez ACME (recall)', ['fr']));
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 1);
    expect((await storedMentions(t, source.id))[0]!.lang).toBe('fr');
    relay.emit(deleteEvent(3, String(post.commit!.rkey)));
    const [deleted] = await waitUntil(async () => { const m = await storedMentions(t, source.id); return m[0]?.deleted_at ? m : null; });
    expect(deleted!.text).toBe('');
  });

  it('skips malformed, non-JSON and oversize frames without dropping the connection, counting them', async () => {
    relay = await new JetstreamRelay().start();
    const source = await createStreamSource(t, 'bluesky', relay.url);
    const a = await start('a');
    await waitUntil(async () => relay.connections === 1);
    relay.sendRaw('not json at all');
    relay.sendRaw('[1, 2, 3]');
    relay.sendRaw(JSON.stringify({ kind: 'commit', commit: {} }));
    relay.sendRaw(JSON.stringify({ did: 'did:plc:x', time_us: Date.now() * 1000, kind: 'commit', commit: { operation: 'create', collection: 'app.bsky.feed.post', rkey: 'k1', record: { text: 42 } } }));
    relay.sendRaw(JSON.stringify({ did: 'did:plc:x', time_us: Date.now() * 1000, kind: 'commit', commit: { operation: 'create', collection: 'app.bsky.feed.post', rkey: 'big', record: { text: `acme strike ${'x'.repeat(5000)}` } } }));
    relay.emit(postEvent(4, 'ACME strike continues'));
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 1);
    const row = await waitUntil(async () => { const r = await sourceRow(t, source.id); return Number(r.error_count) >= 5 ? r : null; });
    expect(row).toMatchObject({ state: 'connected', enabled: true });
    expect(relay.handshakes).toHaveLength(1);
    const text = await a.metrics.registry.metrics();
    for (const reason of ['invalid_json', 'malformed', 'oversize']) expect(text).toContain(`reason="${reason}"`);
    expect(text).toMatch(/pilotfish_connector_state\{source_id="[^"]+",kind="bluesky",state="connected"\} 1/);
  });

  it('disables the source with a clear reason when the relay refuses the credentials (401)', async () => {
    relay = await new JetstreamRelay().start();
    relay.refuse({ status: 401, body: 'unauthorized' });
    const source = await createStreamSource(t, 'bluesky', relay.url);
    await start('a');
    const row = await waitUntil(async () => { const r = await sourceRow(t, source.id); return r.enabled ? null : r; });
    expect(row.state).toBe('disabled');
    expect(row.disabled_reason).toMatch(/HTTP 401/);
    expect(row.lease_owner).toBeNull();
  });

  it('waits at least Retry-After after a 429, and backs off after 5xx and HTML answers', async () => {
    relay = await new JetstreamRelay().start();
    relay.refuse({ status: 429, headers: { 'retry-after': '7' } }, { status: 503 }, { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>maintenance</html>' });
    const source = await createStreamSource(t, 'bluesky', relay.url);
    const a = await start('a');
    await waitUntil(async () => relay.connections === 1, 10_000);
    expect(a.timers.asked[0]).toBeGreaterThanOrEqual(7000);
    expect(relay.handshakes).toHaveLength(4);
    relay.emit(postEvent(5, 'acme recall announced'));
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 1);
    const row = await waitUntil(async () => { const r = await sourceRow(t, source.id); return Number(r.error_count) >= 3 ? r : null; });
    expect(row.enabled).toBe(true);
  });

  it('reconnects a stalled connection', async () => {
    relay = await new JetstreamRelay().start();
    const source = await createStreamSource(t, 'bluesky', relay.url);
    const clock = manualClock(Date.now());
    await start('a', clock);
    await waitUntil(async () => relay.connections === 1);
    relay.emit(postEvent(5, 'acme strike: first'));
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 1);
    clock.advance(6000); // no frame for longer than stall_seconds
    await waitUntil(async () => relay.handshakes.length === 2, 5000);
    expect(Number((await sourceRow(t, source.id)).error_count)).toBeGreaterThanOrEqual(1);
  });
});

describe('Bluesky backfill', () => {
  it('stores what searchPosts finds for a new watchlist, once, with engagement, when the source asks for it', async () => {
    relay = await new JetstreamRelay().start();
    const http = relay.url.replace('ws://', 'http://').replace('/subscribe', '');
    const source = await createStreamSource(t, 'bluesky', relay.url, { backfill: true, identifier: relay.account.identifier, service: http }, { app_password: relay.account.password });
    const noBackfill = await createStreamSource(t, 'bluesky', relay.url, {});
    relay.searchable.push(postView(1, 'Globex recall: what we know', 40), postView(2, 'globex strike vote tomorrow'), postView(3, 'Globex is hiring'), postView(4, 'Nothing related'));
    await t.services.watchlists.create(CLI_ACTOR, { name: 'Globex crisis', query: 'globex AND (recall OR strike)' });
    const stored = await waitUntil(async () => { const m = await storedMentions(t, source.id); return m.length === 2 ? m : null; });
    expect(stored.map((m) => m.text).sort()).toEqual(['Globex recall: what we know', 'globex strike vote tomorrow']);
    expect(stored.find((m) => m.likes === 40)).toMatchObject({ network: 'bluesky', author: 'user1.bsky.social', reposts: 1 });
    expect(relay.searches.map((q) => q.get('q')).sort()).toEqual(['globex recall', 'globex strike']);
    expect(await storedMentions(t, noBackfill.id)).toHaveLength(0);
  });
});

describe('two instances on one database', () => {
  it('lets exactly one instance consume a source, and the other take over when it stops', async () => {
    relay = await new JetstreamRelay().start();
    const source = await createStreamSource(t, 'bluesky', relay.url);
    const a = await start('instance-a');
    const b = await start('instance-b');
    await waitUntil(async () => relay.connections === 1);
    await b.runtime.tick();
    await a.runtime.tick();
    expect([...a.runtime.held(), ...b.runtime.held()]).toEqual([source.id]);
    const holder = a.runtime.held().length ? a : b;
    const other = holder === a ? b : a;
    for (let i = 0; i < 10; i++) relay.emit(postEvent(1, `acme strike ${i}`));
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 10);
    await holder.runtime.stop();
    for (let i = 10; i < 20; i++) relay.emit(postEvent(1, `acme strike ${i}`));
    await other.runtime.tick();
    expect(other.runtime.held()).toEqual([source.id]);
    await waitUntil(async () => (await storedMentions(t, source.id)).length === 20, 10_000);
    expect(relay.connections).toBe(1);
    expect((await sourceRow(t, source.id)).lease_owner).toBe(other.runtime.owner);
  });

  it('takes over the source of a holder that died, once its lease has run out', async () => {
    relay = await new JetstreamRelay().start();
    const source = await createStreamSource(t, 'bluesky', relay.url);
    const now = Date.now();
    await t.db.database.db.updateTable('sources').set({ lease_owner: 'dead-instance', lease_expires_at: new Date(now + 20_000) }).where('id', '=', source.id).execute();
    const clock = manualClock(now);
    const b = await start('instance-b', clock);
    expect(b.runtime.held()).toEqual([]);
    clock.advance(21_000); // past the dead holder's lease (20 s, well within the 30 s promise)
    await b.runtime.tick();
    expect(b.runtime.held()).toEqual([source.id]);
    await waitUntil(async () => relay.connections === 1);
  });
});
