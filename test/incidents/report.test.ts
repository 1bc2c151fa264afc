// An incident from the first negative mention to its after-action report, on a controlled clock: the
// timeline records who acknowledged, what was published to whom and its read rate; other viewers' sockets
// follow; the report's figures (JSON, Markdown, PDF in both languages) and the monthly MTTA/MTTR are the
// ones the timestamps give.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/shared/clock.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { candidate, createWatchlist } from '../support/alerts.js';
import { listen, openStream, type StreamClient } from '../support/live.js';
import { pdfText } from '../support/pdf.js';

const MIN = 60_000;
// Two days ago at 09:00 UTC: recent enough for every retention rule, in a known month.
const today = new Date();
const T0 = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 2, 9, 0);
const at = (minutes: number) => T0 + minutes * MIN;
const clock = manualClock(T0);

let t: TestApp;
let base: string;
let admin: TestUser, crisis: TestUser, crisis2: TestUser, comms: TestUser, comms2: TestUser;
let ambassadors: TestUser[];
let wl: string;

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, who: TestUser, payload?: object) {
  const res = await t.app.inject({ method, url, headers: who.auth, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res;
}

beforeAll(async () => {
  t = await createTestApp({}, {}, { clock });
  base = await listen(t.app);
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis', { name: 'Chloé Crise' });
  crisis2 = await createUser(t, 'crisis', { name: 'Cyril Crise' });
  comms = await createUser(t, 'comms', { name: 'Côme Comms' });
  comms2 = await createUser(t, 'comms', { name: 'Cora Comms' });
  ambassadors = await Promise.all(['Ana', 'Bob', 'Cléa'].map((name) => createUser(t, 'ambassador', { name })));
  wl = await createWatchlist(t, admin, 'acme');
  const group = (await call('POST', '/api/v1/groups', admin, { name: 'Sales' })).json();
  await call('POST', `/api/v1/groups/${group.id}/members`, admin, { user_ids: [ambassadors[0]!.id, ambassadors[1]!.id] });
}, 180_000); // eight users and an embedded database on a shared machine
afterAll(async () => t?.close());

describe('incident from first mention to after-action report', () => {
  let incidentId: string;
  let commsStream: StreamClient;

  it('records acknowledgements and publications on the timeline and tells other viewers', async () => {
    const source = (await call('POST', '/api/v1/sources', admin, { kind: 'push', name: 'social' })).json();
    const push = await t.app.inject({
      method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${source.ingest_token}` },
      payload: { source_id: source.id, mentions: [
        { external_id: 'calm', text: 'ACME opens a new shop downtown today', published_at: new Date(at(0)).toISOString(), lang: 'en' },
        { external_id: 'first-bad', text: 'ACME is a terrible scam, awful and disgusting, I hate it', published_at: new Date(at(10)).toISOString(), lang: 'en' },
      ] },
    });
    expect(push.statusCode, push.body).toBe(202);

    clock.set(at(12));
    await call('POST', '/api/v1/signals', ambassadors[0]!, { text: 'ACME boycott spreading on TikTok', severity: 'high', watchlist_id: wl });

    clock.set(at(20));
    const first = (await t.services.alerts.raise(wl, candidate()))!;
    clock.set(at(23));
    await call('POST', `/api/v1/alerts/${first.id}/ack`, crisis, {});
    clock.set(at(24));
    const second = (await t.services.alerts.raise(wl, candidate()))!;

    clock.set(at(25));
    const incident = (await call('POST', '/api/v1/incidents', crisis, { title: 'ACME boycott', alert_ids: [first.id, second.id] })).json();
    incidentId = incident.id;
    const early = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incidentId}/report`, headers: comms.auth });
    expect(early.statusCode).toBe(409);

    commsStream = await openStream(base, comms.token);
    clock.set(at(30));
    await call('POST', `/api/v1/alerts/${second.id}/ack`, crisis2, {});
    const acked = await commsStream.waitFor((m) => m.type === 'incident.updated' && m.data.id === incidentId);
    expect((acked.data.alert_ids as string[]).sort()).toEqual([first.id, second.id].sort());

    clock.set(at(40));
    const point = (await call('POST', '/api/v1/talking-points', comms, { title: 'Our answer on the boycott', body: 'ACME products are safe.', incident_id: incidentId })).json();
    await call('POST', `/api/v1/talking-points/${point.id}/submit`, comms, {});
    await call('POST', `/api/v1/talking-points/${point.id}/approve`, comms2, {});
    clock.set(at(50));
    await call('POST', `/api/v1/talking-points/${point.id}/publish`, comms, {});
    await commsStream.waitFor((m) => m.type === 'incident.updated' && m.data.id === incidentId && m.id !== acked.id);
    clock.set(at(60));
    await call('POST', `/api/v1/talking-points/${point.id}/ack`, ambassadors[0]!, {});
    await call('POST', `/api/v1/talking-points/${point.id}/ack`, ambassadors[1]!, {});

    const timeline = (await call('GET', `/api/v1/incidents/${incidentId}/timeline`, comms)).json().items;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(['alert_acknowledged', 'declared', 'alert_acknowledged', 'talking_point_published']);
    expect(timeline[0]).toMatchObject({ at: new Date(at(23)).toISOString(), actor: { id: crisis.id }, details: { alert_id: first.id } });
    expect(timeline[2]).toMatchObject({ at: new Date(at(30)).toISOString(), actor: { name: 'Cyril Crise' }, details: { alert_id: second.id } });
    expect(timeline[3]).toMatchObject({ at: new Date(at(50)).toISOString(), details: { talking_point_id: point.id, audience: 'all', recipients: 3, sent: 3, read: 2 } });

    const signals = (await call('GET', `/api/v1/incidents/${incidentId}/signals`, crisis)).json().items;
    expect(signals).toMatchObject([{ text: 'ACME boycott spreading on TikTok', reporter: 'Ana', severity: 'high' }]);
  });

  it('computes the after-action figures from the timestamps, in JSON, Markdown and PDF, in English and French', async () => {
    clock.set(at(90));
    await call('PATCH', `/api/v1/incidents/${incidentId}`, crisis, { phase: 'resolved' });
    await commsStream.waitFor((m) => m.type === 'incident.resolved' && m.data.id === incidentId);
    await commsStream.close();

    const report = (await call('GET', `/api/v1/incidents/${incidentId}/report?lang=en`, comms)).json();
    expect(report.figures.milestones).toMatchObject({
      first_mention: new Date(at(10)).toISOString(), first_signal: new Date(at(12)).toISOString(), first_alert: new Date(at(20)).toISOString(),
      first_ack: new Date(at(23)).toISOString(), first_publication: new Date(at(50)).toISOString(), resolved: new Date(at(90)).toISOString(),
    });
    expect(report.figures.durations).toEqual({ detect_seconds: 600, signal_lead_seconds: 480, ack_seconds: 180, first_publication_seconds: 1800, resolve_seconds: 4200 });
    expect(report.figures.read_rates).toEqual([{ group: 'Sales', sent: 2, read: 2, rate: 1 }, { group: null, sent: 1, read: 0, rate: 0 }]);
    expect(report.figures.read_total).toMatchObject({ sent: 3, read: 2 });
    expect(report.figures.markers.map((m: { kind: string }) => m.kind)).toEqual(['alert', 'alert', 'publication']);
    expect(report.figures.series.reduce((n: number, p: { negative: number }) => n + p.negative, 0)).toBeGreaterThanOrEqual(1);

    const md = await call('GET', `/api/v1/incidents/${incidentId}/report.md?lang=en`, comms);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.headers['content-disposition']).toBe('attachment; filename="after-action-acme-boycott.md"');
    for (const s of ['# After-action report — ACME boycott', '| Time to detect (first mention → first alert) | 10 min |', '| Time to acknowledge | 3 min |', '| Time to first published talking point | 30 min |', '| Time to resolve | 1 h 10 min |', '| Sales | 2 | 2 | 100 % |', '| **Total** | 3 | 2 | 67 % |']) {
      expect(md.body).toContain(s);
    }
    const mdFr = await call('GET', `/api/v1/incidents/${incidentId}/report.md?lang=fr`, comms);
    expect(mdFr.body).toContain('# Rapport post-incident — ACME boycott');
    expect(mdFr.body).toContain('| Délai de prise en charge | 3 min |');

    const pdf = await call('GET', `/api/v1/incidents/${incidentId}/report.pdf?lang=en`, crisis);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.rawPayload);
    for (const s of ['After-action report', 'ACME boycott', 'Time to acknowledge 3 min', 'Time to resolve 1 h 10 min', 'Sales 2 2 100 %', 'Total 3 2 67 %', 'Chloé Crise']) expect(text).toContain(s);
    const textFr = await pdfText((await call('GET', `/api/v1/incidents/${incidentId}/report.pdf?lang=fr`, crisis)).rawPayload);
    for (const s of ['Rapport post-incident', 'Délai de prise en charge 3 min', 'Délai de résolution 1 h 10 min', 'Sans groupe 1 0 0 %']) expect(textFr).toContain(s);
  });

  it('gives the monthly MTTA and MTTR, and refuses bad input with the field named', async () => {
    const month = new Date(T0).toISOString().slice(0, 7);
    const { items } = (await call('GET', '/api/v1/analytics/incidents?months=3', crisis)).json();
    expect(items).toContainEqual({ month, incidents: 1, mtta_seconds: 180, mttr_seconds: 4200 });
    const bad = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incidentId}/report?lang=de`, headers: crisis.auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('lang');
    const amb = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incidentId}/report.pdf`, headers: ambassadors[0]!.auth });
    expect(amb.statusCode).toBe(403);
  });
});
