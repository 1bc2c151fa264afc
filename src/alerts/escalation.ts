// Runs one escalation step inside the alert's transaction: resolves the step's targets to recipients,
// writes one outbox row per (alert, cycle.step, recipient, channel) — the idempotency key makes a retried
// or concurrent run a no-op — and says who was reached, for the alert row and the stream event that the
// caller writes in the same commit.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AlertRow, NotifiedTarget, PolicySnapshot } from '../db/tables/alerts.js';
import type { Target } from '../db/tables/escalation-policies.js';
import { json } from '../db/tables/json.js';
import type { Role } from '../db/tables/users.js';
import type { AlertMessage, Lang } from '../notify/types.js';
import type { AlertView } from './views.js';
import type { StepPosition } from './policy.js';

/** Roles that may see alerts on the stream at all. */
export const ALERT_AUDIENCE: readonly Role[] = ['crisis', 'comms', 'admin'];

export interface StepContext { publicUrl: string; view: AlertView; now: Date }

interface Recipients { users: { id: string; email: string; name: string; lang: Lang; role: Role }[]; emails: string[]; webhooks: { url: string; format: 'json' | 'slack' | 'teams' }[]; roles: Role[] }

async function resolveTargets(db: Kysely<DB>, targets: Target[]): Promise<Recipients> {
  const roles = targets.flatMap((t) => ('role' in t ? [t.role as Role] : []));
  const userIds = targets.flatMap((t) => ('user_id' in t ? [t.user_id] : []));
  let users: Recipients['users'] = [];
  if (roles.length || userIds.length) {
    users = await db.selectFrom('users').select(['id', 'email', 'name', 'lang', 'role']).where('disabled_at', 'is', null)
      .where((eb) => eb.or([...(roles.length ? [eb('role', 'in', roles)] : []), ...(userIds.length ? [eb('id', 'in', userIds)] : [])]))
      .orderBy('email').execute();
  }
  const known = new Set(users.map((u) => u.email));
  return {
    users,
    emails: [...new Set(targets.flatMap((t) => ('email' in t ? [t.email.toLowerCase()] : [])))].filter((e) => !known.has(e)),
    webhooks: targets.flatMap((t) => ('webhook_url' in t ? [{ url: t.webhook_url, format: t.format ?? 'json' }] : [])),
    roles,
  };
}

export async function alertMessage(db: Kysely<DB>, alert: AlertRow, view: AlertView, position: StepPosition, publicUrl: string): Promise<AlertMessage> {
  const ids = ((alert.explanation.sample_mention_ids as string[] | undefined) ?? []).map(Number).filter(Number.isSafeInteger).slice(0, 3);
  const samples = ids.length ? await db.selectFrom('mentions').select(['text', 'url', 'author']).where('id', 'in', ids).execute() : [];
  return {
    id: alert.id, watchlistName: view.watchlist_name ?? '—', kind: alert.kind as AlertMessage['kind'], severity: alert.severity,
    status: alert.status, openedAt: alert.opened_at.toISOString(), stepIndex: position.step, escalated: position.step > 0 || position.cycle > 0,
    explanation: alert.explanation as unknown as AlertMessage['explanation'], samples: samples.map((s) => ({ text: s.text.slice(0, 500), url: s.url, author: s.author })),
    alertUrl: `${publicUrl}/#/alerts/${alert.id}`, ackUrl: `${publicUrl}/#/alerts/${alert.id}?action=ack`,
  };
}

export async function runStep(db: Kysely<DB>, alert: AlertRow, policy: PolicySnapshot, position: StepPosition, ctx: StepContext): Promise<{ notifications: number; notified: NotifiedTarget[] }> {
  const step = policy.steps[position.step];
  if (!step) return { notifications: 0, notified: [] };
  const recipients = await resolveTargets(db, step.targets);
  const message = await alertMessage(db, alert, ctx.view, position, ctx.publicUrl);
  const stepKey = `${position.cycle}.${position.step}`;
  const rows: { idempotency_key: string; channel: 'email' | 'webhook'; recipient: string; user_id: string | null; payload: string }[] = [];
  if (step.channels.includes('email')) {
    for (const u of recipients.users) rows.push({ idempotency_key: `alert:${alert.id}:${stepKey}:email:${u.email}`, channel: 'email', recipient: u.email, user_id: u.id, payload: json({ kind: 'alert', lang: u.lang, message }) });
    for (const e of recipients.emails) rows.push({ idempotency_key: `alert:${alert.id}:${stepKey}:email:${e}`, channel: 'email', recipient: e, user_id: null, payload: json({ kind: 'alert', lang: 'fr', message }) });
  }
  if (step.channels.includes('webhook')) {
    const type = message.escalated ? 'alert.escalated' : 'alert.raised';
    for (const w of recipients.webhooks) {
      rows.push({ idempotency_key: `alert:${alert.id}:${stepKey}:webhook:${w.url}`, channel: 'webhook', recipient: w.url, user_id: null,
        payload: json({ kind: 'webhook', format: w.format, lang: 'fr', event: { type, id: `${alert.id}:${stepKey}`, at: ctx.now.toISOString(), data: message } }) });
    }
  }
  let written = 0;
  if (rows.length) {
    const inserted = await db.insertInto('notifications')
      // Due at the step's own `now` (the injected clock), the time the outbox compares against.
      .values(rows.map((r) => ({ ...r, alert_id: alert.id, step_index: position.step, next_attempt_at: ctx.now })))
      .onConflict((oc) => oc.column('idempotency_key').doNothing()).returning('id').execute();
    written = inserted.length;
  }
  return { notifications: written, notified: notifiedTargets(step.channels, recipients) };
}

const ROLE_NAMES: Record<Role, string> = { admin: 'admin', crisis: 'crisis', comms: 'comms', ambassador: 'ambassador' };

/**
 * Who this step reached, as the crisis team reads it: roles and people on screen, people and addresses by
 * email, webhooks by host only (a webhook URL often carries a secret).
 */
function notifiedTargets(channels: readonly string[], r: Recipients): NotifiedTarget[] {
  const out: NotifiedTarget[] = [];
  const targetedUsers = (role: Role) => r.roles.includes(role);
  if (channels.includes('ws')) {
    for (const role of r.roles.filter((x) => ALERT_AUDIENCE.includes(x))) out.push({ channel: 'ws', kind: 'role', to: ROLE_NAMES[role] });
    for (const u of r.users) if (!targetedUsers(u.role) && ALERT_AUDIENCE.includes(u.role)) out.push({ channel: 'ws', kind: 'user', to: u.name });
  }
  if (channels.includes('email')) {
    for (const u of r.users) out.push({ channel: 'email', kind: 'user', to: u.name });
    for (const e of r.emails) out.push({ channel: 'email', kind: 'email', to: e });
  }
  if (channels.includes('webhook')) {
    for (const w of r.webhooks) {
      let host = 'webhook';
      try { host = new URL(w.url).host; } catch { /* validated when the policy was saved */ }
      out.push({ channel: 'webhook', kind: 'webhook', to: host });
    }
  }
  return out;
}
