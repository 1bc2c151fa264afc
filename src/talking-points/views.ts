// Database rows → the JSON the API returns.
import type { DoNotSayChecker } from './do-not-say.js';
import { shareableTexts } from './content.js';
import type { PointRecord } from './repository.js';
import type { HistoryEntry, PersonRef, TalkingPointView } from './types.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (id: string | null, name: string | null): PersonRef | null => (id ? { id, name: name ?? 'unknown user' } : null);

export function pointView(r: PointRecord, doNotSay: DoNotSayChecker): TalkingPointView {
  return {
    id: r.id, lineage_id: r.lineage_id, version: r.version, status: r.status,
    title: r.title, body: r.body, variants: r.variants, shareable: r.shareable, share_url: r.share_url, suggested_posts: r.suggested_posts,
    tags: r.tags, incident_id: r.incident_id, alert_ids: r.alert_ids,
    audience: r.audience.all ? { all: true } : { group_ids: r.audience.group_ids ?? [] },
    author: { id: r.author_id, name: r.author_name },
    approved_by: person(r.approved_by, r.approver_name), approved_at: iso(r.approved_at),
    published_by: person(r.published_by, r.publisher_name), published_at: iso(r.published_at),
    submitted_at: iso(r.submitted_at), retired_at: iso(r.retired_at),
    sent_back: r.sent_back_reason && r.sent_back_at
      ? { reason: r.sent_back_reason, by: person(r.sent_back_by, r.sent_back_by_name), at: r.sent_back_at.toISOString() } : null,
    created_at: r.created_at.toISOString(), updated_at: r.updated_at.toISOString(),
    do_not_say_matches: doNotSay.check(shareableTexts(r)),
  };
}

export interface HistoryRow {
  at: Date; action: string; entity_id: string | null; actor_id: string | null; actor_label: string; actor_name: string | null; details: Record<string, unknown>;
}

export function historyEntry(row: HistoryRow, versionOf: Map<string, number>): HistoryEntry {
  const id = row.entity_id ?? '';
  return {
    at: row.at.toISOString(),
    action: row.action.replace(/^talking_point\./, ''),
    version: versionOf.get(id) ?? 0,
    talking_point_id: id,
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? row.actor_label } : null,
    details: row.details,
  };
}
