// Writes push notifications into the outbox, inside the transaction of the change that causes them
// (publishing a point, raising an alert): delivered after commit by the outbox worker, with its retries.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Lang } from '../notify/types.js';
import { pushRepository } from './repository.js';
import { alertPush, talkingPointPush } from './texts.js';

export interface PointForPush { id: string; lineage_id: string; version: number; title: string; body: string; variants: Record<string, { title?: string; body?: string } | undefined> }

function localized(point: PointForPush, lang: Lang): { title: string; body: string } {
  const v = point.variants?.[lang];
  return v?.title && v.body ? { title: v.title, body: v.body } : { title: point.title, body: point.body };
}

export async function enqueueTalkingPointPushes(trx: Kysely<DB>, point: PointForPush, recipientIds: string[], baseUrl: string): Promise<number> {
  const targets = await pushRepository.targets(trx, recipientIds);
  return pushRepository.enqueue(trx, targets.map((target) => ({
    key: `tp:${point.id}:${target.subscription_id}:push`, target, talking_point_id: point.id,
    message: talkingPointPush({ ...point, ...localized(point, target.lang) }, target.lang, baseUrl),
  })));
}

export async function enqueueAlertPushes(trx: Kysely<DB>, alert: { id: string; title: string; severity: 'low' | 'medium' | 'high' | 'critical'; summary: string }, baseUrl: string): Promise<number> {
  const targets = await pushRepository.alertTargets(trx);
  return pushRepository.enqueue(trx, targets.map((target) => ({
    key: `alert:${alert.id}:raised:${target.subscription_id}:push`, target, alert_id: alert.id, message: alertPush(alert, target.lang, baseUrl),
  })));
}
