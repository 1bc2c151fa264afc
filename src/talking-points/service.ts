// Talking points: drafting, four-eyes approval, publishing with distribution, retiring. Every change runs
// in one transaction with its audit entry; transitions lock the point's row so concurrent clicks on
// "approve" or "publish" run one after the other and the second gets a clear 409.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { audit } from '../audit/audit.js';
import { appendEvent } from '../events/repository.js';
import type { DB } from '../db/schema.js';
import { incidentsRepository } from '../incidents/repository.js';
import type { Actor } from '../shared/actor.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { AppError, badRequest, forbidden, notFound } from '../shared/errors.js';
import { checkDraft, type DraftCheck, type DraftText } from './check.js';
import { cleanContent, shareableTexts, type Content } from './content.js';
import { createDoNotSayChecker } from './do-not-say.js';
import { distribute } from './distribution.js';
import { decideAck, decideEdit, decideTransition, mayDraft, type Decision, type Transition } from './lifecycle.js';
import { ALL_LINKS, checkLinks, type LinkField } from './links.js';
import { createTalkingPointQueries } from './queries.js';
import { talkingPointsRepository as points, type PointRow } from './repository.js';
import { receiptsRepository } from './receipts-repository.js';
import type { AckResult, CreateInput, TalkingPointView, UpdateInput } from './types.js';
import { pointView } from './views.js';

export interface TalkingPointsOptions {
  doNotSay: readonly string[];
  baseUrl: string;
  logger: Logger;
  /** Called after a publish commits with emails in the outbox, so they go out without waiting for the next tick. */
  onNotificationsWritten?: () => void;
  clock?: Clock;
}

function orThrow<T extends object>(decision: Decision<T>): T {
  if (!decision.ok) throw new AppError(decision.status, decision.code, decision.message);
  return decision;
}

function requireUserActor(actor: Actor): string {
  if (!actor.id) throw forbidden('talking points are written by signed-in users');
  return actor.id;
}

function contentOf(row: PointRow): Content {
  return {
    title: row.title, body: row.body, variants: row.variants, shareable: row.shareable, share_url: row.share_url, suggested_posts: row.suggested_posts,
    tags: row.tags, incident_id: row.incident_id, alert_ids: row.alert_ids, audience: row.audience,
  };
}

/** The fields of an edit that differ from the current content, for the audit trail. */
function changedFields(before: Content, after: Content): string[] {
  return (Object.keys(after) as (keyof Content)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

export function createTalkingPointsService(db: Kysely<DB>, options: TalkingPointsOptions) {
  const doNotSay = createDoNotSayChecker(options.doNotSay);
  const queries = createTalkingPointQueries(db, doNotSay);
  const log = options.logger;
  const clock = options.clock ?? systemClock;

  async function viewIn(trx: Kysely<DB>, id: string): Promise<TalkingPointView> {
    const record = await points.get(trx, id);
    if (!record) throw notFound('talking point');
    return pointView(record, doNotSay);
  }

  async function locked(trx: Kysely<DB>, id: string): Promise<PointRow> {
    const row = await points.lock(trx, id);
    if (!row) throw notFound('talking point');
    return row;
  }

  /** Runs one lifecycle transition: lock, check the rules, apply, audit, all in one transaction. */
  async function transition(actor: Actor, id: string, action: Transition, apply: (trx: Kysely<DB>, row: PointRow, now: Date) => Promise<Record<string, unknown>>) {
    const view = await db.transaction().execute(async (trx) => {
      const row = await locked(trx, id);
      const editorIds = action === 'approve' ? await points.editorIds(trx, id, row.author_id) : [];
      orThrow(decideTransition(action, { status: row.status, authorId: row.author_id, editorIds }, actor));
      const now = clock.now();
      const details = await apply(trx, row, now);
      await audit(trx, actor, { action: `talking_point.${pastTense(action)}`, entityType: 'talking_point', entityId: id, details: { version: row.version, from: row.status, ...details } });
      return viewIn(trx, id);
    });
    log.info({ talkingPointId: id, lineageId: view.lineage_id, version: view.version, actor: actor.label, action, status: view.status }, 'talking point transition');
    return view;
  }

  /** Publishes: supersedes the lineage's published version, then distributes, in one transaction. */
  const publishInTransaction = (actor: Actor, id: string) => transition(actor, id, 'publish', async (trx, row, now) => {
    const previous = await points.supersedePublished(trx, row.lineage_id, id);
    if (previous) {
      await points.cancelPendingNotifications(trx, previous.id);
      await audit(trx, actor, { action: 'talking_point.superseded', entityType: 'talking_point', entityId: previous.id, details: { version: previous.version, by: id, by_version: row.version } });
    }
    await points.setStatus(trx, id, { status: 'published', published_by: actor.id, published_at: now });
    const record = (await points.get(trx, id))!;
    const incident = record.incident_id ? await queries.incidentTitle(trx, record.incident_id) : null;
    const sent = await distribute(trx, record, { baseUrl: options.baseUrl, now, supersedes: previous?.id ?? null, incidentTitle: incident, view: pointView(record, doNotSay) });
    // The incident's timeline says what was published and to whom; its read rate is added when shown.
    if (record.incident_id) {
      const groups = record.audience.all ? [] : await incidentsRepository.groupNames(trx, record.audience.group_ids ?? []);
      await incidentsRepository.noteActivity(trx, record.incident_id, {
        type: 'talking_point_published', actorId: actor.id, at: now,
        details: { talking_point_id: id, title: record.title, version: record.version, audience: record.audience.all ? 'all' : groups, recipients: sent.recipients, priority: sent.priority },
      });
    }
    return { ...sent, ...(previous ? { supersedes: previous.id } : {}) };
  });

  return {
    ...queries,

    /** The editor's live check while typing: do-not-say matches and the text's language (approval re-checks). */
    check: (draft: DraftText): DraftCheck => checkDraft(doNotSay, draft),

    async create(actor: Actor, input: CreateInput): Promise<TalkingPointView> {
      if (!mayDraft(actor.role)) throw forbidden('only the crisis and comms teams may draft talking points');
      const authorId = requireUserActor(actor);
      const alertIds = [...(input.alert_ids ?? []), ...(input.alert_id ? [input.alert_id] : [])];
      const content = cleanContent({
        title: input.title, body: input.body, variants: input.variants ?? {}, shareable: input.shareable ?? false, share_url: input.share_url ?? null,
        suggested_posts: input.suggested_posts ?? [], tags: input.tags ?? [], incident_id: input.incident_id ?? null,
        alert_ids: alertIds, audience: input.audience ?? { all: true },
      });
      return db.transaction().execute(async (trx) => {
        const linked = await checkLinks(trx, content, { inheritIncident: input.incident_id == null, check: ALL_LINKS });
        const { id } = await points.insert(trx, { lineage_id: randomUUID(), version: 1, author_id: authorId, content: linked });
        await audit(trx, actor, { action: 'talking_point.created', entityType: 'talking_point', entityId: id, details: { version: 1, title: linked.title, shareable: linked.shareable } });
        return viewIn(trx, id);
      });
    },

    /** Edits a draft in place (a point in review goes back to draft), or turns an approved/published point into a new draft version. */
    async update(actor: Actor, id: string, patch: UpdateInput): Promise<{ point: TalkingPointView; newVersion: boolean }> {
      const editorId = requireUserActor(actor);
      const result = await db.transaction().execute(async (trx) => {
        const row = await locked(trx, id);
        const { mode } = orThrow(decideEdit({ status: row.status, authorId: row.author_id, editorIds: [] }, actor));
        const before = contentOf(row);
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Content>;
        const check = new Set([...ALL_LINKS].filter((f) => f in defined)) as Set<LinkField>;
        const inheritIncident = patch.alert_ids !== undefined && patch.incident_id === undefined && before.incident_id === null;
        const merged = await checkLinks(trx, cleanContent({ ...before, ...defined }), { inheritIncident, check });
        const fields = changedFields(before, merged);
        if (mode === 'in_place') {
          const backToDraft = row.status === 'in_review';
          await points.updateContent(trx, id, merged, backToDraft ? { status: 'draft', submitted_at: null } : {});
          await audit(trx, actor, { action: 'talking_point.edited', entityType: 'talking_point', entityId: id, details: { version: row.version, fields, ...(backToDraft ? { back_to_draft: true } : {}) } });
          return { id, newVersion: false };
        }
        const open = await points.openVersion(trx, row.lineage_id, row.id);
        if (open) throw new AppError(409, 'newer_version_exists', `version ${open.version} (${open.status.replace('_', ' ')}) is already being prepared: edit that one`, undefined, { talking_point_id: open.id });
        const version = await points.nextVersion(trx, row.lineage_id);
        const created = await points.insert(trx, { lineage_id: row.lineage_id, version, author_id: editorId, content: merged });
        if (row.status === 'approved') {
          // An approved, never published version would compete with its replacement: the new draft takes its place.
          await points.setStatus(trx, row.id, { status: 'superseded' });
          await audit(trx, actor, { action: 'talking_point.superseded', entityType: 'talking_point', entityId: row.id, details: { version: row.version, by: created.id, by_version: version } });
        }
        await audit(trx, actor, { action: 'talking_point.version_created', entityType: 'talking_point', entityId: created.id, details: { version, from: row.id, from_version: row.version, fields } });
        return { id: created.id, newVersion: true };
      });
      const point = await queries.view(result.id);
      log.info({ talkingPointId: point.id, lineageId: point.lineage_id, version: point.version, actor: actor.label, newVersion: result.newVersion }, 'talking point edited');
      return { point, newVersion: result.newVersion };
    },

    submit: (actor: Actor, id: string) => transition(actor, id, 'submit', async (trx, _row, now) => {
      await points.setStatus(trx, id, { status: 'in_review', submitted_at: now, ...NOT_SENT_BACK });
      return {};
    }),

    approve: (actor: Actor, id: string) => transition(actor, id, 'approve', async (trx, row, now) => {
      const matches = row.shareable ? doNotSay.check(shareableTexts(row)) : [];
      if (matches.length > 0) {
        const list = matches.map((m) => `"${m.phrase}" in ${m.field}`).join(', ');
        throw new AppError(422, 'do_not_say', `this shareable talking point contains do-not-say wording: ${list}`, undefined, { matches });
      }
      await points.setStatus(trx, id, { status: 'approved', approved_by: actor.id, approved_at: now });
      return {};
    }),

    /** Sends a point back to draft: the reason stays on the point, and the author is told at once. */
    reject: (actor: Actor, id: string, reason: string) => transition(actor, id, 'reject', async (trx, row, now) => {
      const text = reason.trim();
      if (!text) throw badRequest('reason', 'say what should change');
      await points.setStatus(trx, id, {
        status: 'draft', submitted_at: null, approved_by: null, approved_at: null,
        sent_back_reason: text, sent_back_by: actor.id, sent_back_at: now,
      });
      const view = pointView((await points.get(trx, id))!, doNotSay);
      await appendEvent(trx, 'talking_point.sent_back', view, { roles: ['comms'], userIds: [row.author_id] });
      return { reason: text };
    }),

    async publish(actor: Actor, id: string): Promise<TalkingPointView> {
      const view = await publishInTransaction(actor, id);
      options.onNotificationsWritten?.();
      return view;
    },


    /** An ambassador confirms reading a published point sent to them; repeating it keeps the first time. */
    async ack(user: { id: string }, id: string): Promise<AckResult> {
      const row = await points.get(db, id);
      if (!row) throw notFound('talking point');
      orThrow(decideAck(row.status));
      const readAt = await receiptsRepository.markRead(db, id, user.id, clock.now());
      if (!readAt) throw forbidden('this talking point was not sent to you');
      log.info({ talkingPointId: id, userId: user.id }, 'talking point read');
      return { talking_point_id: id, read_at: readAt.toISOString() };
    },

    retire: (actor: Actor, id: string) => transition(actor, id, 'retire', async (trx, _row, now) => {
      await points.setStatus(trx, id, { status: 'retired', retired_at: now });
      await points.cancelPendingNotifications(trx, id);
      // Open ambassador pages drop the point at once (its Copy button must not stay on a phone).
      const recipients = (await receiptsRepository.recipients(trx, id)).map((r) => r.user_id);
      await appendEvent(trx, 'talking_point.retired', pointView((await points.get(trx, id))!, doNotSay), {
        roles: ['comms', 'crisis', 'admin'], userIds: recipients,
      });
      return {};
    }),
  };
}

const NOT_SENT_BACK = { sent_back_reason: null, sent_back_by: null, sent_back_at: null } as const;

const PAST_TENSE: Record<Transition, string> = { submit: 'submitted', approve: 'approved', reject: 'rejected', publish: 'published', retire: 'retired' };
const pastTense = (action: Transition) => PAST_TENSE[action];

export type TalkingPointsService = ReturnType<typeof createTalkingPointsService>;
