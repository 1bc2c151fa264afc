import { describe, expect, it } from 'vitest';
import type { TalkingPointStatus } from '../db/tables/talking-points.js';
import type { Role } from '../db/tables/users.js';
import { decideAck, decideEdit, decideTransition, mayDraft, type LifecycleActor, type Transition } from './lifecycle.js';

const AUTHOR = 'author-id';
const EDITOR = 'editor-id';
const point = (status: TalkingPointStatus) => ({ status, authorId: AUTHOR, editorIds: [EDITOR] });
const user = (role: Role, id = `${role}-other`): LifecycleActor => ({ id, role });

const commsAuthor = user('comms', AUTHOR);
const crisisAuthor = user('crisis', AUTHOR);
const otherComms = user('comms');
const otherCrisis = user('crisis');
const admin = user('admin');
const ambassador = user('ambassador');
const commsEditor = user('comms', EDITOR);

type Expectation = TalkingPointStatus | 403 | 409 | 'self_approval';

// [action, from, actor, expected: new status, or the refusal]
const TABLE: [Transition, TalkingPointStatus, LifecycleActor, string, Expectation][] = [
  ['submit', 'draft', crisisAuthor, 'crisis author', 'in_review'],
  ['submit', 'draft', commsAuthor, 'comms author', 'in_review'],
  ['submit', 'draft', otherComms, 'another comms user', 'in_review'],
  ['submit', 'draft', otherCrisis, 'another crisis user', 403],
  ['submit', 'draft', ambassador, 'an ambassador', 403],
  ['submit', 'draft', admin, 'an admin', 403],
  ['submit', 'in_review', commsAuthor, 'already in review', 409],
  ['submit', 'published', commsAuthor, 'published', 409],

  ['approve', 'in_review', otherComms, 'another comms user', 'approved'],
  ['approve', 'in_review', commsAuthor, 'the comms author', 'self_approval'],
  ['approve', 'in_review', commsEditor, 'a comms user who edited it', 'self_approval'],
  ['approve', 'in_review', otherCrisis, 'a crisis user', 403],
  ['approve', 'in_review', crisisAuthor, 'the crisis author', 403],
  ['approve', 'in_review', admin, 'an admin', 403],
  ['approve', 'in_review', ambassador, 'an ambassador', 403],
  ['approve', 'draft', otherComms, 'a draft', 409],
  ['approve', 'approved', otherComms, 'already approved', 409],
  ['approve', 'published', otherComms, 'published', 409],
  ['approve', 'superseded', otherComms, 'superseded', 409],

  ['reject', 'in_review', otherComms, 'in review', 'draft'],
  ['reject', 'approved', otherComms, 'approved, not yet published', 'draft'],
  ['reject', 'in_review', commsAuthor, 'by its comms author (withdraw)', 'draft'],
  ['reject', 'in_review', otherCrisis, 'a crisis user', 403],
  ['reject', 'draft', otherComms, 'a draft', 409],
  ['reject', 'published', otherComms, 'published', 409],

  ['publish', 'approved', otherComms, 'comms', 'published'],
  ['publish', 'approved', commsAuthor, 'its comms author once approved', 'published'],
  ['publish', 'approved', otherCrisis, 'a crisis user', 403],
  ['publish', 'approved', admin, 'an admin', 403],
  ['publish', 'draft', otherComms, 'a draft', 409],
  ['publish', 'in_review', otherComms, 'in review', 409],
  ['publish', 'published', otherComms, 'already published', 409],
  ['publish', 'retired', otherComms, 'retired', 409],
  ['publish', 'superseded', otherComms, 'superseded', 409],

  ['retire', 'published', otherComms, 'published', 'retired'],
  ['retire', 'draft', otherComms, 'an abandoned draft', 'retired'],
  ['retire', 'approved', otherComms, 'approved', 'retired'],
  ['retire', 'published', otherCrisis, 'a crisis user', 403],
  ['retire', 'published', ambassador, 'an ambassador', 403],
  ['retire', 'retired', otherComms, 'already retired', 409],
  ['retire', 'superseded', otherComms, 'superseded', 409],
];

describe('decideTransition', () => {
  it.each(TABLE)('%s from %s by %s (%s) → %s', (action, from, actor, _label, expected) => {
    const decision = decideTransition(action, point(from), actor);
    if (typeof expected === 'string' && expected !== 'self_approval') {
      expect(decision).toEqual({ ok: true, to: expected });
    } else if (expected === 'self_approval') {
      expect(decision).toMatchObject({ ok: false, status: 403, code: 'self_approval' });
    } else {
      expect(decision).toMatchObject({ ok: false, status: expected });
      if (!decision.ok) expect(decision.message).toContain(action);
    }
  });

  it('tells what to do instead of a bare refusal', () => {
    const approveDraft = decideTransition('approve', point('draft'), otherComms);
    expect(!approveDraft.ok && approveDraft.message).toMatch(/submit it for review first/);
    const publishDraft = decideTransition('publish', point('draft'), otherComms);
    expect(!publishDraft.ok && publishDraft.message).toMatch(/must be approved first/);
    const wrongRole = decideTransition('approve', point('in_review'), otherCrisis);
    expect(!wrongRole.ok && wrongRole.message).toMatch(/comms user other than the author/);
  });
});

describe('decideEdit', () => {
  const EDITS: [TalkingPointStatus, LifecycleActor, string, 'in_place' | 'new_version' | 403 | 409][] = [
    ['draft', crisisAuthor, 'its crisis author', 'in_place'],
    ['draft', otherComms, 'any comms user', 'in_place'],
    ['draft', otherCrisis, 'another crisis user', 403],
    ['in_review', crisisAuthor, 'its author', 'in_place'],
    ['in_review', otherComms, 'a comms reviewer', 'in_place'],
    ['approved', otherCrisis, 'a crisis user', 'new_version'],
    ['approved', otherComms, 'a comms user', 'new_version'],
    ['published', commsAuthor, 'its author', 'new_version'],
    ['published', otherCrisis, 'a crisis user', 'new_version'],
    ['published', admin, 'an admin', 403],
    ['draft', ambassador, 'an ambassador', 403],
    ['superseded', otherComms, 'a comms user', 409],
    ['retired', otherComms, 'a comms user', 409],
  ];
  it.each(EDITS)('editing a %s point by %s (%s) → %s', (status, actor, _label, expected) => {
    const decision = decideEdit(point(status), actor);
    if (typeof expected === 'string') expect(decision).toEqual({ ok: true, mode: expected });
    else expect(decision).toMatchObject({ ok: false, status: expected });
  });
});

describe('decideAck and mayDraft', () => {
  it.each<[TalkingPointStatus, boolean]>([
    ['published', true], ['draft', false], ['in_review', false], ['approved', false], ['superseded', false], ['retired', false],
  ])('ack of a %s point allowed: %s', (status, allowed) => {
    const decision = decideAck(status);
    expect(decision.ok).toBe(allowed);
    if (!decision.ok) expect(decision.status).toBe(409);
  });

  it.each<[Role, boolean]>([['crisis', true], ['comms', true], ['admin', false], ['ambassador', false]])('%s may draft: %s', (role, allowed) => {
    expect(mayDraft(role)).toBe(allowed);
  });
});
