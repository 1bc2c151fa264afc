// Alerts: one per episode (unique fingerprint), states open → acknowledged → resolved plus snoozed, a
// timeline, and escalation timers stored on the alert (escalation_due_at) that every instance's tick
// claims with SKIP LOCKED. Acknowledging or resolving cancels pending steps and deliveries atomically.
import { enqueueAlertPushes } from '../push/enqueue.js';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { audit } from '../audit/audit.js';
import type { DB } from '../db/schema.js';
import type { AlertRow, AlertStatus } from '../db/tables/alerts.js';
import type { EscalationPolicyRow } from '../db/tables/escalation-policies.js';
import { json } from '../db/tables/json.js';
import type { Candidate, EpisodeEnd } from '../detection/index.js';
import { appendEvent } from '../events/repository.js';
import type { AlertEventType } from '../contract/events.js';
import type { Metrics } from '../observability/metrics.js';
import type { Actor } from '../shared/actor.js';
import { SYSTEM_ACTOR } from '../shared/actor.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { incidentsRepository } from '../incidents/repository.js';
import { badRequest, conflict, notFound } from '../shared/errors.js';
import { ALERT_AUDIENCE, runStep } from './escalation.js';
import { choosePolicy, nextStep, snapshot, type StepPosition } from './policy.js';
import { alertsRepository as repo, watchlistNames, type AlertFilter } from './repository.js';
import { collectEvidence, readEvidence } from './evidence.js';
import { StoredEvidenceSchema } from '../contract/evidence.js';
import { Value } from 'typebox/value';
import { alertView, escalationView, peopleOf, type AlertView } from './views.js';
import { GROUP_GAP_MINUTES, groupingSince, groupOf } from './grouping.js';
import { audienceOf, raiseSeverity, severitySteps } from '../ingest/reach.js';

/**
 * Severity steps from the widest-reaching negative post behind a candidate (src/ingest/reach.ts): a negative
 * post seen by ~100k people makes a "medium" negative surge "critical".
 */
async function reachOf(db: Kysely<DB>, watchlistId: string, candidate: Candidate): Promise<{ steps: number; mentionId: string | null; audience: number }> {
  const e = candidate.explanation as { window?: { start?: string; end?: string }; sample_mention_ids?: unknown };
  const start = e.window?.start ? new Date(e.window.start) : null;
  const end = e.window?.end ? new Date(e.window.end) : null;
  const window = start && end && !Number.isNaN(start.getTime()) && !Number.isNaN(end.getTime()) ? { start, end } : null;
  const ids = Array.isArray(e.sample_mention_ids) ? e.sample_mention_ids.map(String) : [];
  const widest = await repo.widestNegative(db, watchlistId, window, ids);
  if (!widest) return { steps: 0, mentionId: null, audience: 0 };
  const figures = { followers: widest.author_followers, likes: widest.likes, reposts: widest.reposts, replies: widest.replies };
  return { steps: severitySteps(figures), mentionId: widest.id, audience: audienceOf(figures) };
}

export interface AlertsOptions { publicUrl: string; ackTimeoutMinutes: number; autoResolve: boolean; maxRepeats: number; groupGapMinutes?: number }
export interface AlertsDeps { db: Kysely<DB>; logger: Logger; metrics?: Metrics; options: AlertsOptions; clock?: Clock; onNotificationsWritten?: () => void }

const minutes = (n: number) => n * 60_000;
/** Who may own an alert: the people who can act on it. */
const ASSIGNABLE_ROLES: readonly string[] = ['crisis', 'admin'];

export function fingerprintOf(watchlistId: string, episodeKey: string): string {
  return `${watchlistId}:${episodeKey}`;
}

export function createAlertsService(deps: AlertsDeps) {
  const { db, logger, options } = deps;
  const clock = deps.clock ?? systemClock;

  async function view(conn: Kysely<DB>, row: AlertRow): Promise<AlertView> {
    const [watchlists, users] = await Promise.all([
      watchlistNames(conn, row.watchlist_id ? [row.watchlist_id] : []),
      repo.usersByIds(conn, peopleOf(row)),
    ]);
    return alertView(row, { watchlists, users });
  }

  async function announce(conn: Kysely<DB>, type: AlertEventType, row: AlertRow): Promise<AlertView> {
    const v = await view(conn, row);
    await appendEvent(conn, type, v, { roles: ALERT_AUDIENCE });
    return v;
  }

  /**
   * Runs the step at `position` and schedules the next one (or ends the policy). A step after the first
   * tells everyone who may see the alert, with the alert as it is after the step: which step of how many,
   * who was reached on which channel, when the next step is due.
   */
  async function escalate(conn: Kysely<DB>, row: AlertRow, position: StepPosition, known?: AlertView): Promise<AlertRow> {
    const policy = row.policy_snapshot!;
    const v = known ?? await view(conn, row);
    const now = clock.now();
    const { notifications, notified } = await runStep(conn, row, policy, position, { publicUrl: options.publicUrl, view: v, now });
    const escalated = position.step > 0 || position.cycle > 0;
    await repo.addTimeline(conn, row.id, escalated ? 'escalated' : 'notified', null, { step: position.step, cycle: position.cycle, steps_total: policy.steps.length, notifications, channels: policy.steps[position.step]?.channels ?? [], notified });
    const next = nextStep(policy, position);
    const updated = await repo.update(conn, row.id, next
      ? { escalation_step: next.position.step, escalation_cycle: next.position.cycle, escalation_due_at: new Date(now.getTime() + minutes(next.delayMinutes)), escalation_notified: json(notified) }
      : { escalation_step: position.step + 1, escalation_due_at: null, escalation_notified: json(notified) });
    if (escalated) {
      await appendEvent(conn, 'alert.escalated', { ...v, status: updated.status, updated_at: updated.updated_at.toISOString(), escalation: escalationView(updated) }, { roles: ALERT_AUDIENCE });
    }
    return updated;
  }

  async function loadPolicies(conn: Kysely<DB>): Promise<EscalationPolicyRow[]> {
    return conn.selectFrom('escalation_policies').selectAll().where('deleted_at', 'is', null).execute();
  }

  async function transition(actor: Actor, id: string, allowed: AlertStatus[], apply: (conn: Kysely<DB>, row: AlertRow) => Promise<{ row: AlertRow; event: AlertEventType; timeline: string; details?: Record<string, unknown> }>): Promise<AlertView> {
    const result = await db.transaction().execute(async (trx) => {
      const current = await repo.getForUpdate(trx, id);
      if (!current) throw notFound('alert');
      if (!allowed.includes(current.status)) throw conflict(`alert is ${current.status}`, 'invalid_state');
      const { row, event, timeline, details } = await apply(trx, current);
      await repo.addTimeline(trx, id, timeline, actor.id, details ?? {});
      await audit(trx, actor, { action: `alert.${timeline}`, entityType: 'alert', entityId: id, details: details ?? {} });
      // The incident's timeline says who acknowledged or resolved its alerts, and when.
      if (row.incident_id && (timeline === 'acknowledged' || timeline === 'resolved')) {
        await incidentsRepository.noteActivity(trx, row.incident_id, { type: `alert_${timeline}`, actorId: actor.id, at: clock.now(), details: { alert_id: id, title: row.title, ...(details?.note ? { note: details.note } : {}) } });
      }
      return announce(trx, event, row);
    });
    logger.info({ alertId: id, actor: actor.label, status: result.status }, 'alert state changed');
    return result;
  }

  return {
    view: (row: AlertRow) => view(db, row),

    /** Turns a detection candidate into an alert, once per episode across instances. */
    async raise(watchlistId: string, candidate: Candidate): Promise<AlertView | null> {
      const fingerprint = fingerprintOf(watchlistId, candidate.episodeKey);
      const created = await db.transaction().execute(async (trx) => {
        // An alert is derived data: if a crash loses this commit, the detector's replay at start raises the
        // episode again (same fingerprint). So it need not wait for the WAL flush, which shortens the path
        // from a burst to the crisis team's screens.
        await sql`SET LOCAL synchronous_commit = off`.execute(trx);
        const reach = await reachOf(trx, watchlistId, candidate);
        const severity = raiseSeverity(candidate.severity, reach.steps);
        const policy = snapshot(choosePolicy((await loadPolicies(trx)).map((p) => ({ ...p, steps: p.steps })), watchlistId, severity), options.maxRepeats);
        const firstDelay = policy.steps[0]?.delay_minutes ?? 0;
        const names = await watchlistNames(trx, [watchlistId]);
        // Its own mentions, terms and reference, not the bucket's: the samples shown and mailed are these.
        const evidence = await collectEvidence(trx, watchlistId, candidate);
        const explanation = { ...candidate.explanation, sample_mention_ids: evidence.mentions.map((m) => String(m.id)) };
        const related = await repo.relatedAlert(trx, watchlistId, groupingSince(candidate.explanation.window.start, clock.now(), options.groupGapMinutes ?? GROUP_GAP_MINUTES));
        let row = await repo.insertIfNew(trx, {
          fingerprint, watchlist_id: watchlistId, opened_at: clock.now(), kind: candidate.kind, severity, score: candidate.score,
          title: `${names.get(watchlistId) ?? 'watchlist'} — ${candidate.explanation.summary}`.slice(0, 300),
          explanation: json(explanation), evidence: json(evidence), episode_key: candidate.episodeKey,
          policy_id: policy.id, policy_snapshot: json(policy), escalation_due_at: new Date(clock.now().getTime() + minutes(firstDelay)),
          group_id: groupOf(related),
        });
        if (!row) return null;
        await repo.addTimeline(trx, row.id, 'raised', null, {
          score: candidate.score, severity, policy: policy.name,
          ...(reach.steps > 0 ? { detected_severity: candidate.severity, reach_mention_id: reach.mentionId, reach_audience: reach.audience } : {}),
        });
        const known = { watchlists: names, users: new Map<string, string>() };
        // The first step goes out in the alert's own transaction when it has no delay, and alert.raised
        // then carries who it reached.
        if (firstDelay === 0) row = await escalate(trx, row, { step: 0, cycle: 0 }, alertView(row, known));
        const v = alertView(row, known);
        await appendEvent(trx, 'alert.raised', v, { roles: ALERT_AUDIENCE });
        // Crisis members who opted in on a device get a push for every new alert (Web Push, via the outbox).
        await enqueueAlertPushes(trx, { id: row.id, title: row.title, severity: row.severity, summary: candidate.explanation.summary }, options.publicUrl);
        return { row, view: v };
      });
      if (!created) return null;
      deps.metrics?.alertsRaised.inc({ kind: candidate.kind, severity: created.row.severity });
      logger.info({ alertId: created.row.id, watchlistId, kind: candidate.kind, severity: created.row.severity }, 'alert raised');
      deps.onNotificationsWritten?.();
      return created.view;
    },

    acknowledge(actor: Actor, id: string, rawNote?: string) {
      const note = rawNote?.trim() || null;
      return transition(actor, id, ['open', 'snoozed'], async (trx, a) => {
        const cancelled = await repo.cancelPendingNotifications(trx, id, `cancelled: acknowledged by ${actor.label}`);
        const now = clock.now();
        const expires = options.ackTimeoutMinutes > 0 ? new Date(now.getTime() + minutes(options.ackTimeoutMinutes)) : null;
        const row = await repo.update(trx, a.id, { status: 'acknowledged', acknowledged_at: now, acknowledged_by: actor.id, ack_expires_at: expires, escalation_due_at: null, snoozed_until: null, ack_note: note });
        return { row, event: 'alert.acknowledged', timeline: 'acknowledged', details: { note, cancelled_notifications: cancelled, expires_at: expires?.toISOString() ?? null } };
      });
    },

    /**
     * Gives the alert an owner (or none): a member of the crisis team (crisis or admin role), still active.
     * Everyone watching sees it at once (alert.updated).
     */
    assign(actor: Actor, id: string, assigneeId: string | null) {
      return transition(actor, id, ['open', 'acknowledged', 'snoozed'], async (trx, a) => {
        const person = assigneeId ? await repo.assignable(trx, assigneeId) : null;
        if (assigneeId && !person) throw badRequest('assignee_id', 'no such user');
        if (person && person.disabled_at) throw badRequest('assignee_id', 'this user is disabled');
        if (person && !ASSIGNABLE_ROLES.includes(person.role)) throw badRequest('assignee_id', 'must be a member of the crisis team (crisis or admin role)');
        const row = await repo.update(trx, a.id, { assignee_id: assigneeId });
        const assignee = person ? { id: person.id, name: person.name } : null;
        return { row, event: 'alert.updated', timeline: assignee ? 'assigned' : 'unassigned', details: { assignee, previous_assignee_id: a.assignee_id } };
      });
    },

    resolve(actor: Actor, id: string, reason?: string) {
      return transition(actor, id, ['open', 'acknowledged', 'snoozed'], async (trx, a) => {
        const cancelled = await repo.cancelPendingNotifications(trx, id, `cancelled: resolved by ${actor.label}`);
        const row = await repo.update(trx, a.id, { status: 'resolved', resolved_at: clock.now(), resolved_by: actor.id, resolve_reason: reason ?? null, escalation_due_at: null, ack_expires_at: null, snoozed_until: null });
        return { row, event: 'alert.resolved', timeline: 'resolved', details: { reason: reason ?? null, cancelled_notifications: cancelled } };
      });
    },

    snooze(actor: Actor, id: string, until: Date) {
      const now = clock.now().getTime();
      if (!(until.getTime() > now)) throw badRequest('until', 'must be in the future');
      if (until.getTime() > now + 30 * 86400_000) throw badRequest('until', 'must be within 30 days');
      return transition(actor, id, ['open', 'acknowledged', 'snoozed'], async (trx, a) => {
        const cancelled = await repo.cancelPendingNotifications(trx, id, `cancelled: snoozed by ${actor.label}`);
        const row = await repo.update(trx, a.id, { status: 'snoozed', snoozed_until: until, escalation_due_at: null, ack_expires_at: null });
        return { row, event: 'alert.updated', timeline: 'snoozed', details: { until: until.toISOString(), cancelled_notifications: cancelled } };
      });
    },

    /** The detector says the episode is over: record it and resolve when configured to. */
    async episodeEnded(watchlistId: string, end: EpisodeEnd): Promise<void> {
      const row = await repo.byEpisode(db, fingerprintOf(watchlistId, end.episodeKey));
      if (!row || row.episode_ended_at) return;
      await db.updateTable('alerts').set({ episode_ended_at: new Date(end.at) }).where('id', '=', row.id).execute();
      if (options.autoResolve && row.status !== 'resolved') {
        await this.resolve(SYSTEM_ACTOR, row.id, 'episode ended').catch((err) => logger.warn({ alertId: row.id, err: (err as Error).message }, 'auto-resolve skipped'));
      }
    },

    /** One timer tick: due escalation steps, expired acknowledgements, finished snoozes. */
    async tick(now = clock.now(), limit = 50): Promise<{ escalated: number; reopened: number }> {
      let escalated = 0;
      let reopened = 0;
      await db.transaction().execute(async (trx) => {
        for (const row of await repo.claimDueEscalations(trx, now, limit)) {
          await escalate(trx, row, { step: row.escalation_step, cycle: row.escalation_cycle });
          escalated++;
        }
      });
      await db.transaction().execute(async (trx) => {
        const expired = await repo.claimExpiredAcks(trx, now, limit);
        const snoozed = await repo.claimSnoozeOver(trx, now, limit);
        for (const row of [...expired, ...snoozed]) {
          // Nobody resolved it in time: open again and page from the first step.
          const wasAck = row.status === 'acknowledged';
          const updated = await repo.update(trx, row.id, { status: 'open', ack_expires_at: null, ack_note: null, snoozed_until: null, escalation_step: 0, escalation_cycle: row.escalation_cycle + 1, escalation_due_at: now });
          await repo.addTimeline(trx, row.id, 'reopened', null, { reason: wasAck ? 'acknowledgement timed out' : 'snooze ended' });
          await announce(trx, 'alert.updated', updated);
          reopened++;
        }
      });
      if (escalated || reopened) {
        logger.info({ escalated, reopened }, 'alert timers fired');
        deps.onNotificationsWritten?.();
      }
      return { escalated, reopened };
    },

    async list(filter: AlertFilter) {
      const { rows, next } = await repo.list(db, filter);
      const [watchlists, users] = await Promise.all([
        watchlistNames(db, [...new Set(rows.flatMap((r) => (r.watchlist_id ? [r.watchlist_id] : [])))]),
        repo.usersByIds(db, [...new Set(rows.flatMap(peopleOf))]),
      ]);
      return { items: rows.map((r) => alertView(r, { watchlists, users })), next_cursor: next };
    },

    async detail(id: string) {
      const row = await repo.get(db, id);
      if (!row) throw notFound('alert');
      const [v, timeline, notifications] = await Promise.all([
        view(db, row),
        repo.timeline(db, id),
        db.selectFrom('notifications').select(['id', 'channel', 'recipient', 'status', 'attempts', 'last_error', 'sent_at', 'created_at', 'step_index'])
          .where('alert_id', '=', id).orderBy('created_at').execute(),
      ]);
      const sampleIds = ((row.explanation.sample_mention_ids as string[] | undefined) ?? []).map(Number).filter(Number.isSafeInteger);
      const stored = row.evidence && Value.Check(StoredEvidenceSchema, row.evidence) ? row.evidence : null;
      return {
        evidence: stored ? await readEvidence(db, stored, clock.now()) : null,
        ...v,
        timeline: timeline.map((e) => ({ id: Number(e.id), at: e.at.toISOString(), type: e.type, actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? 'unknown' } : null, details: e.details })),
        notifications: notifications.map((n) => ({ ...n, sent_at: n.sent_at?.toISOString() ?? null, created_at: n.created_at.toISOString() })),
        sample_ids: sampleIds,
      };
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
