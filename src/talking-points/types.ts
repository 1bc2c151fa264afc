// The talking point as the API shows it, and what callers send. Shapes follow the API plan.
import type { TalkingPointStatus } from '../db/tables/talking-points.js';
import type { Content } from './content.js';
import type { DoNotSayMatch } from './do-not-say.js';

export interface PersonRef { id: string; name: string }
export interface SentBack { reason: string; by: PersonRef | null; at: string }

/** The editable content (see content.ts) plus lifecycle and people. */
export interface TalkingPointView extends Content {
  id: string;
  lineage_id: string;
  version: number;
  status: TalkingPointStatus;
  author: PersonRef;
  approved_by: PersonRef | null;
  approved_at: string | null;
  published_by: PersonRef | null;
  published_at: string | null;
  submitted_at: string | null;
  retired_at: string | null;
  /** Why a reviewer sent this version back to draft (shown to the author until they submit it again). */
  sent_back: SentBack | null;
  created_at: string;
  updated_at: string;
  /** Do-not-say phrases found in the point's text; they block approval when the point is shareable. */
  do_not_say_matches: DoNotSayMatch[];
}

export interface HistoryEntry {
  at: string;
  /** created, edited, version_created, submitted, approved, rejected, published, superseded, retired */
  action: string;
  /** Which version of the lineage the entry is about. */
  version: number;
  talking_point_id: string;
  actor: PersonRef | null;
  details: Record<string, unknown>;
}

export interface VersionRef { id: string; version: number; status: TalkingPointStatus }

export interface TalkingPointDetail extends TalkingPointView {
  history: HistoryEntry[];
  versions: VersionRef[];
  /** For an ambassador reading a point sent to them: when they confirmed it, and whether they were flagged first. */
  read_at?: string | null;
  priority?: boolean;
}

export interface FeedItem extends TalkingPointView { read_at: string | null; priority: boolean }

export interface Recipient { user_id: string; name: string; email: string; priority: boolean; sent_at: string; read_at: string | null }
export interface ReceiptsView { sent: number; read: number; unread: number; recipients: Recipient[] }

export interface AckResult { talking_point_id: string; read_at: string }

/** What a caller sends: title and body, the rest of the content optional; `alert_id` is a shorthand for one alert. */
export type CreateInput = Pick<Content, 'title' | 'body'> & Partial<Omit<Content, 'title' | 'body' | 'incident_id'>> & {
  incident_id?: string | null;
  alert_id?: string | null;
};

export type UpdateInput = Partial<Omit<CreateInput, 'alert_id'>>;

export interface ListFilter { statuses?: TalkingPointStatus[]; incidentId?: string; q?: string; tag?: string; limit: number }
