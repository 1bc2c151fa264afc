import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { createDemo, DEMO_SCENARIO_PATH, loadScenarioFile } from '../../src/drills/demo.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { createWatchlist } from '../support/alerts.js';

let t: TestApp;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, 'admin');
});
afterAll(async () => t?.close());

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

describe('replay sources', () => {
  it('replays due events into the watchlist, files ambassador reports once, and stops when finished', async () => {
    const wl = await createWatchlist(t, admin, 'nothing-matches-this');
    const amb = await createUser(t, 'ambassador');
    const scenario = { name: 'Mini drill', events: [
      { at: 0, text: 'Calme plat', lang: 'fr' },
      { at: 10, text: 'Rumeur de rappel produit', signal: { severity: 'high', channel: 'whatsapp' } },
      { at: 20, text: 'Boycott annoncé', lang: 'fr' },
    ] };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'replay', name: 'Drill', config: { scenario, watchlist_id: wl, speed: 1, ambassador_id: amb.id } } });
    expect(res.statusCode).toBe(201);
    const source = res.json();
    const start = new Date();
    await t.services.poller.pollOne((await t.db.database.db.selectFrom('sources').selectAll().where('id', '=', source.id).executeTakeFirstOrThrow()), start);
    const poll = async (s: number) => t.services.poller.pollOne(await t.db.database.db.selectFrom('sources').selectAll().where('id', '=', source.id).executeTakeFirstOrThrow(), at(start, s));
    await poll(12);
    await poll(12);
    const mentions = await t.db.database.db.selectFrom('mentions').select(['text', 'watchlist_ids', 'published_at']).where('source_id', '=', source.id).execute();
    expect(mentions.map((m) => m.text)).toEqual(['Calme plat']);
    expect(mentions[0]!.watchlist_ids).toEqual([wl]);
    const signals = await t.db.database.db.selectFrom('signals').select(['text', 'severity', 'watchlist_id']).where('user_id', '=', amb.id).execute();
    expect(signals).toEqual([{ text: 'Rumeur de rappel produit', severity: 'high', watchlist_id: wl }]);
    await poll(25);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/sources/${source.id}`, headers: admin.auth })).json();
    expect(after).toMatchObject({ enabled: false, disabled_reason: 'drill finished', items_collected: 2 });
    const second = await t.db.database.db.selectFrom('mentions').select(['text', 'published_at']).where('source_id', '=', source.id).where('text', '=', 'Boycott annoncé').executeTakeFirstOrThrow();
    expect(second.published_at.getTime()).toBe(at(start, 20).getTime());
  });

  it('refuses a replay source without a valid scenario or watchlist, naming the field', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'replay', name: 'x', config: { scenario: { name: 'n', events: [{ at: -5, text: 'x' }] }, watchlist_id: '00000000-0000-4000-8000-000000000000' } } });
    expect(bad.json().error.field).toBe('config.scenario.events[0].at');
    const noWl = await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'replay', name: 'x', config: { scenario: { name: 'n', events: [{ at: 0, text: 'x' }] }, watchlist_id: '00000000-0000-4000-8000-000000000000' } } });
    expect(noWl.json().error.field).toBe('config.watchlist_id');
  });
});

describe('first-run demo', () => {
  it('creates one user per role, a watchlist, an escalating policy and a drill that raises an alert', async () => {
    const printed: string[] = [];
    await createDemo(t.services, pino({ level: 'silent' }), (s) => printed.push(s));
    const text = printed.join('');
    for (const role of ['crisis', 'comms', 'ambassador']) expect(text).toMatch(new RegExp(`${role}\\s+${role}@demo\\.pilotfish\\.local\\s+\\S{12,}`));
    const users = await t.db.database.db.selectFrom('users').select(['role']).where('email', 'like', '%@demo.pilotfish.local').execute();
    expect(users.map((u) => u.role).sort()).toEqual(['ambassador', 'comms', 'crisis']);
    const policy = await t.db.database.db.selectFrom('escalation_policies').select(['steps', 'is_default']).where('is_default', '=', true).executeTakeFirstOrThrow();
    expect(policy.steps).toHaveLength(2);
    const source = await t.db.database.db.selectFrom('sources').selectAll().where('kind', '=', 'replay').where('name', 'like', 'Drill: Laiterie%').executeTakeFirstOrThrow();
    // Play the whole scenario quickly: poll at the drill times, as the scheduler would every few seconds.
    const start = new Date();
    const length = loadScenarioFile(DEMO_SCENARIO_PATH).events.at(-1)!.at;
    await t.services.detection.start(start);
    for (let s = 0; s <= length + 15; s += 15) {
      const row = await t.db.database.db.selectFrom('sources').selectAll().where('id', '=', source.id).executeTakeFirstOrThrow();
      await t.services.poller.pollOne(row, at(start, s));
      await t.services.detection.sync(at(start, s));
    }
    const alerts = await t.db.database.db.selectFrom('alerts').select(['kind', 'watchlist_id']).where('watchlist_id', '=', (source.config as { watchlist_id: string }).watchlist_id).execute();
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    const signals = await t.db.database.db.selectFrom('signals').select('severity').execute();
    expect(signals.map((s) => s.severity)).toContain('critical');
  });
});

describe('pilotfish drill', () => {
  it('creates a replay source into a named watchlist (created from the scenario when missing)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pf-drill-'));
    const file = path.join(dir, 'drill.json');
    writeFileSync(file, JSON.stringify({ name: 'Exercice grève', watchlist: { name: 'Grève test', query: 'grève' }, events: [{ at: 0, text: 'Grève annoncée' }, { at: 60, text: 'Grève massive' }] }));
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
    const env = { ...process.env };
    try {
      if (t.db.url) process.env.DATABASE_URL = t.db.url;
      else { process.env.DATABASE_URL = ''; process.env.DATA_DIR = dir; }
      process.env.LOG_LEVEL = 'silent';
      expect(await main(['drill', file, '--speed', '2'])).toBe(0);
    } finally {
      write.mockRestore();
      process.env = env;
    }
    expect(out.join('')).toMatch(/drill source [0-9a-f-]{36}: 2 events into "Grève test" over about 1 min/);
    if (t.db.url) {
      const wl = await t.db.database.db.selectFrom('watchlists').select(['query']).where('name', '=', 'Grève test').executeTakeFirstOrThrow();
      expect(wl.query).toBe('grève');
    }
    expect(await main(['drill'])).toBe(2);
  });
});
