// The sources API for the stream kinds: create with per-kind validation (400 naming the field), secrets
// sealed and never returned, health in the list, previews from a local relay and instance, and a source
// created over HTTP streamed by the app's own runtime with its health in /metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestUser } from '../support/app.js';
import { createUser } from '../support/app.js';
import { waitUntil } from '../support/live.js';
import { JetstreamRelay, postEvent } from './support/jetstream-relay.js';
import { MastodonServer } from './support/mastodon-server.js';
import { createStreamTestApp, createWatchlist, sourceRow, storedMentions } from './support/streams.js';

let t: TestApp;
let admin: TestUser;
let relay: JetstreamRelay;
let instance: MastodonServer;

beforeAll(async () => {
  t = await createStreamTestApp();
  admin = await createUser(t, 'admin');
  relay = await new JetstreamRelay().start();
  instance = await new MastodonServer().start();
  await createWatchlist(t, 'acme');
});
afterAll(async () => {
  await t.services.streams.stop();
  await relay.close();
  await instance.close();
  await t.close();
});

const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: admin.auth, payload: payload as Record<string, unknown> });

describe('stream sources over the API', () => {
  it.each([
    [{ kind: 'mastodon', name: 'm', config: { hashtags: ['acme'] } }, 'url'],
    [{ kind: 'mastodon', name: 'm', url: 'http://127.0.0.1:9', config: {} }, 'config.hashtags'],
    [{ kind: 'mastodon', name: 'm', url: 'http://127.0.0.1:9', config: { hashtags: ['not a tag!'] } }, 'config.hashtags[0]'],
    [{ kind: 'mastodon', name: 'm', url: 'http://127.0.0.1:9', config: { timeline: 'federated' } }, 'config.timeline'],
    [{ kind: 'mastodon', name: 'm', url: 'http://127.0.0.1:9', config: { hashtags: ['a'], colour: 'red' } }, 'config.colour'],
    [{ kind: 'bluesky', name: 'b', url: 'https://jetstream.example/subscribe' }, 'url'],
    [{ kind: 'bluesky', name: 'b', url: 'ws://10.0.0.8/subscribe' }, 'url'],
    [{ kind: 'bluesky', name: 'b', config: { backfill: true } }, 'config.app_password'],
  ])('refuses %j naming %s', async (body, field) => {
    const res = await post('/api/v1/sources', body);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain(field);
  });

  it('creates a Mastodon source with a sealed token that is never returned, and previews it', async () => {
    instance.post('Acme <i>news</i>', { tags: ['acme'] });
    const preview = await post('/api/v1/sources/preview', { kind: 'mastodon', url: instance.url, config: { hashtags: ['acme'], access_token: 'secret-token-1' } });
    expect(preview.json()).toMatchObject({ ok: true, mentions: [{ text: 'Acme news', network: 'mastodon', author_followers: 150 }] });
    expect(instance.requests.at(-1)!.authorization).toBe('Bearer secret-token-1');
    const res = await post('/api/v1/sources', { kind: 'mastodon', name: 'Mastodon #acme', url: instance.url, config: { hashtags: ['#acme'], access_token: 'secret-token-1' } });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain('secret-token-1');
    expect(res.json()).toMatchObject({ kind: 'mastodon', config: { hashtags: ['acme'] }, secrets_set: ['access_token'], state: 'idle' });
    const row = await sourceRow(t, res.json().id);
    expect(row.secrets).not.toContain('secret-token-1');
    await t.db.database.db.updateTable('sources').set({ enabled: false }).where('id', '=', row.id).execute();
  });

  it('previews the firehose, then streams a source created over HTTP with its health in the list and /metrics', async () => {
    const previewing = post('/api/v1/sources/preview', { kind: 'bluesky', url: relay.url });
    await waitUntil(async () => relay.connections === 1);
    for (let i = 0; i < 12; i++) relay.emit(postEvent(2, `post ${i} about anything`));
    const preview = (await previewing).json();
    expect(preview).toMatchObject({ ok: true, format: 'jetstream' });
    expect(preview.mentions).toHaveLength(10);
    await waitUntil(async () => relay.connections === 0);

    const res = await post('/api/v1/sources', { kind: 'bluesky', name: 'Firehose', url: relay.url });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    await t.services.streams.start();
    await waitUntil(async () => relay.connections === 1);
    relay.emit(postEvent(2, 'ACME is trending'));
    await waitUntil(async () => (await storedMentions(t, id)).length === 1);
    const listed = await waitUntil(async () => {
      const list = (await t.app.inject({ method: 'GET', url: '/api/v1/sources', headers: admin.auth })).json().items as { id: string; state: string; last_event_at: string | null }[];
      const s = list.find((x) => x.id === id);
      return s?.state === 'connected' && s.last_event_at ? s : null;
    });
    expect(listed).toMatchObject({ kind: 'bluesky', error_count: 0 });
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain(`pilotfish_connector_state{source_id="${id}",kind="bluesky",state="connected"} 1`);
    expect(metrics).toMatch(new RegExp(`pilotfish_connector_lag_seconds\\{source_id="${id}",kind="bluesky"\\} \\d`));

    // Disabled by an administrator: the connection closes and the lease is given back.
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/sources/${id}`, headers: admin.auth, payload: { enabled: false } });
    expect(patched.statusCode).toBe(200);
    await waitUntil(async () => relay.connections === 0, 5000);
    await waitUntil(async () => (await sourceRow(t, id)).lease_owner === null);
  });
});
