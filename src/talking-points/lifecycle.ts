// The talking-point lifecycle as pure rules: who may move a point from which status to which, and what an
// edit does. The service asks these functions first and turns a refusal into a 403 (who you are) or a 409
// (the point's status), so the rules live in one table that the unit tests walk through.
//
//   draft ──submit──► in_review ──approve──► approved ──publish──► published ──(new version published)──► superseded
//     ▲                  │  │                   │                     │
//     └─────reject───────┘  └──── edit ──► draft │                     └──retire──► retired
//     └──────────────────────reject─────────────┘
//
// Editing a draft edits it in place. Editing a point in review also edits it in place but sends it back to
// draft: what a reviewer approves is always exactly what was submitted. Editing an approved or published
// point creates a new draft version of the lineage that needs approval again.
import type { TalkingPointStatus } from '../db/tables/talking-points.js';
import type { Role } from '../db/tables/users.js';

export type Transition = 'submit' | 'approve' | 'reject' | 'publish' | 'retire';

export interface LifecyclePoint {
  status: TalkingPointStatus;
  authorId: string;
  /** Users other than the author who edited this version; four eyes means none of them may approve it. */
  editorIds: readonly string[];
}
export interface LifecycleActor { id: string | null; role: Role | 'system' }

export interface Refusal { ok: false; status: 403 | 409; code: string; message: string }
export type Decision<T extends object = object> = ({ ok: true } & T) | Refusal;

export const DRAFTING_ROLES: readonly Role[] = ['crisis', 'comms'];

interface Rule { from: readonly TalkingPointStatus[]; to: TalkingPointStatus; who: string; allowed(point: LifecyclePoint, actor: LifecycleActor): boolean }

const isComms = (_p: LifecyclePoint, a: LifecycleActor) => a.role === 'comms';
const isAuthor = (p: LifecyclePoint, a: LifecycleActor) => a.id !== null && a.id === p.authorId;

export const RULES: Readonly<Record<Transition, Rule>> = {
  submit: { from: ['draft'], to: 'in_review', who: 'the author or the comms team', allowed: (p, a) => isComms(p, a) || (isAuthor(p, a) && DRAFTING_ROLES.includes(a.role as Role)) },
  approve: { from: ['in_review'], to: 'approved', who: 'a comms user other than the author', allowed: isComms },
  reject: { from: ['in_review', 'approved'], to: 'draft', who: 'the comms team', allowed: isComms },
  publish: { from: ['approved'], to: 'published', who: 'the comms team', allowed: isComms },
  retire: { from: ['draft', 'in_review', 'approved', 'published'], to: 'retired', who: 'the comms team', allowed: isComms },
};

const refuse = (status: 403 | 409, code: string, message: string): Refusal => ({ ok: false, status, code, message });

const STATUS_LABELS: Record<TalkingPointStatus, string> = {
  draft: 'a draft', in_review: 'in review', approved: 'approved', published: 'published', superseded: 'superseded', retired: 'retired',
};

/** Why a status does not allow a transition, phrased as what to do instead. */
function stateHint(action: Transition | 'edit' | 'ack', status: TalkingPointStatus): string {
  if (status === 'superseded') return 'a newer version has replaced it';
  if (status === 'retired') return 'it has been retired';
  if (action === 'approve' && status === 'draft') return 'submit it for review first';
  if (action === 'publish' && (status === 'draft' || status === 'in_review')) return 'it must be approved first';
  if (action === 'reject' && status === 'published') return 'retire it, or edit it to prepare a new version';
  if (action === 'ack') return 'only published talking points can be confirmed';
  return `it is already ${STATUS_LABELS[status]}`;
}

const refuseState = (action: string, status: TalkingPointStatus, hint: string) =>
  refuse(409, 'invalid_state', `cannot ${action} a talking point that is ${STATUS_LABELS[status]}: ${hint}`);

export function decideTransition(action: Transition, point: LifecyclePoint, actor: LifecycleActor): Decision<{ to: TalkingPointStatus }> {
  const rule = RULES[action];
  if (!rule.allowed(point, actor)) return refuse(403, 'forbidden', `only ${rule.who} may ${action} this talking point`);
  if (action === 'approve' && (isAuthor(point, actor) || (actor.id !== null && point.editorIds.includes(actor.id)))) {
    return refuse(403, 'self_approval', 'four eyes: you wrote or edited this version, so another comms user must approve it');
  }
  if (!rule.from.includes(point.status)) {
    return refuseState(action, point.status, stateHint(action, point.status));
  }
  return { ok: true, to: rule.to };
}

export type EditMode = 'in_place' | 'new_version';

/** What PATCH does to a point in this status, if this actor may do it at all. */
export function decideEdit(point: LifecyclePoint, actor: LifecycleActor): Decision<{ mode: EditMode }> {
  if (!DRAFTING_ROLES.includes(actor.role as Role)) return refuse(403, 'forbidden', 'only the crisis and comms teams may edit talking points');
  switch (point.status) {
    case 'draft':
    case 'in_review':
      if (isAuthor(point, actor) || actor.role === 'comms') return { ok: true, mode: 'in_place' };
      return refuse(403, 'forbidden', 'only the author or the comms team may edit this draft');
    case 'approved':
    case 'published':
      return { ok: true, mode: 'new_version' };
    default:
      return refuseState('edit', point.status, `${stateHint('edit', point.status)}; edit the latest version`);
  }
}

/** Ambassadors confirm reading published points only. */
export function decideAck(status: TalkingPointStatus): Decision {
  return status === 'published' ? { ok: true } : refuseState('confirm reading', status, stateHint('ack', status));
}

export function mayDraft(role: Role | 'system'): boolean {
  return DRAFTING_ROLES.includes(role as Role);
}
