// The approved-responses library: published and superseded points, searchable by text (PostgreSQL
// full-text on the folded search document, on PGlite and PostgreSQL alike), tag and incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TalkingPointView } from '../../src/talking-points/types.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { advance, call, draft, insertIncident, tp } from './support.js';

let t: TestApp;
let crisis: TestUser;
let comms: TestUser;
let comms2: TestUser;
let ambassador: TestUser;
let incidentId: string;
const ids: Record<string, string> = {};

async function published(key: string, payload: object) {
  const point = await draft(t, crisis, payload);
  await advance(t, point.id, crisis, comms, 'published');
  ids[key] = point.id;
  return point;
}

const library = async (query: string) => {
  const res = await call(t, comms, 'GET', `/api/v1/talking-points/library${query}`);
  expect(res.status).toBe(200);
  return (res.body.items as TalkingPointView[]).map((p) => Object.keys(ids).find((k) => ids[k] === p.id) ?? p.id);
};

beforeAll(async () => {
  t = await createTestApp();
  crisis = await createUser(t, 'crisis');
  comms = await createUser(t, 'comms');
  comms2 = await createUser(t, 'comms');
  ambassador = await createUser(t, 'ambassador');
  incidentId = await insertIncident(t, 'Grève Lyon');
  await published('strike', { title: 'Grève à l’usine de Lyon', body: 'La production reprendra lundi.', tags: ['social'], incident_id: incidentId });
  await published('recall', {
    title: 'Rappel de trois lots', body: 'Par précaution, trois lots de yaourts sont rappelés.', tags: ['Produit', 'rappel'],
    variants: { en: { title: 'Three batches recalled', body: 'As a precaution, three yoghurt batches are recalled.' } },
  });
  await published('bodyOnly', { title: 'Point presse', body: 'Questions sur la grève : renvoyer vers le service de presse.', tags: ['presse'] });
  const old = await published('oldPrice', { title: 'Hausse des prix', body: 'Les prix augmentent de 3 % à cause de l’énergie.', tags: ['prix'] });
  const v2 = (await call(t, comms, 'PATCH', tp(old.id), { body: 'Les prix augmentent de 2 % à cause de l’énergie.' })).body;
  await advance(t, v2.id, comms, comms2, 'published');
  ids.newPrice = v2.id;
  // Not in the library: a draft and a retired point, though they contain the same words.
  ids.draft = (await draft(t, crisis, { title: 'Grève : brouillon', body: 'Rappel de lots, brouillon', tags: ['social'] })).id;
  await published('retired', { title: 'Grève retirée', body: 'Ancienne ligne sur la grève', tags: ['social'] });
  await call(t, comms, 'POST', tp(ids.retired!, 'retire'));
});
afterAll(async () => t?.close());

describe('approved responses library', () => {
  it('holds published and superseded points only, newest first', async () => {
    const all = await library('');
    expect(all).toEqual(['newPrice', 'oldPrice', 'bodyOnly', 'recall', 'strike']);
    const items = (await call(t, comms, 'GET', '/api/v1/talking-points/library')).body.items as TalkingPointView[];
    expect(items.find((p) => p.id === ids.oldPrice)!.status).toBe('superseded');
    expect(items.find((p) => p.id === ids.newPrice)!.status).toBe('published');
  });

  it.each<[string, string[]]>([
    ['greve', ['strike', 'bodyOnly']], // accents and case do not matter, a title match ranks first
    ['GRÈVE', ['strike', 'bodyOnly']],
    ['usine lyo', ['strike']], // every word required, the last one as a prefix
    ['yoghurt batches', ['recall']], // the English variant is searchable
    ['rappel', ['recall']],
    ['energie', ['newPrice', 'oldPrice']], // equal rank: newest first
    ['produit', ['recall']], // tags are words too
    ['introuvable', []],
    ['&|!', []],
  ])('finds %j → %j', async (q, expected) => {
    expect(await library(`?q=${encodeURIComponent(q)}`)).toEqual(expected);
  });

  it('filters by tag and by incident', async () => {
    expect(await library('?tag=social')).toEqual(['strike']);
    expect(await library('?tag=%23Rappel')).toEqual(['recall']);
    expect(await library(`?incident_id=${incidentId}`)).toEqual(['strike']);
    expect(await library(`?q=greve&incident_id=${incidentId}`)).toEqual(['strike']);
  });

  it('searches every status in the editorial list, but only for editorial roles', async () => {
    const res = await call(t, comms, 'GET', '/api/v1/talking-points?q=brouillon');
    expect((res.body.items as TalkingPointView[]).map((p) => p.id)).toEqual([ids.draft]);
    expect((await call(t, ambassador, 'GET', '/api/v1/talking-points/library')).status).toBe(403);
  });

  it('keeps the search document in step with edits', async () => {
    const point = await draft(t, crisis, { title: 'Texte provisoire', body: 'rien' });
    await call(t, crisis, 'PATCH', tp(point.id), { title: 'Inondation entrepôt' });
    const found = (await call(t, comms, 'GET', '/api/v1/talking-points?q=inondation')).body.items as TalkingPointView[];
    expect(found.map((p) => p.id)).toEqual([point.id]);
    expect((await call(t, comms, 'GET', '/api/v1/talking-points?q=provisoire')).body.items).toEqual([]);
  });
});
