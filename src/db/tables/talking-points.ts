import type { Generated, Selectable } from 'kysely';
import type { JsonDefault } from './json.js';

export type TalkingPointStatus = 'draft' | 'in_review' | 'approved' | 'published' | 'superseded' | 'retired';
export interface Variant { title: string; body: string }
export interface SuggestedPost { network: string; text: string }
export interface Audience { all?: boolean; group_ids?: string[] }

export interface TalkingPointsTable {
  id: Generated<string>;
  lineage_id: string;
  version: Generated<number>;
  status: Generated<TalkingPointStatus>;
  title: string;
  body: string;
  variants: JsonDefault<Partial<Record<'fr' | 'en', Variant>>>;
  shareable: Generated<boolean>;
  share_url: string | null;
  suggested_posts: JsonDefault<SuggestedPost[]>;
  tags: Generated<string[]>;
  incident_id: string | null;
  alert_ids: Generated<string[]>;
  audience: JsonDefault<Audience>;
  author_id: string;
  submitted_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  published_by: string | null;
  published_at: Date | null;
  retired_at: Date | null;
  /** Why a reviewer sent the point back to draft, by whom and when; cleared when it is submitted again. */
  sent_back_reason: string | null;
  sent_back_by: string | null;
  sent_back_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  search: string | null;
}
export type TalkingPointRow = Selectable<TalkingPointsTable>;

export interface TalkingPointReceiptsTable {
  talking_point_id: string;
  user_id: string;
  priority: Generated<boolean>;
  sent_at: Generated<Date>;
  read_at: Date | null;
}

export interface GroupsTable {
  id: Generated<string>;
  name: string;
  kind: Generated<'team' | 'department' | 'language' | 'other'>;
  created_at: Generated<Date>;
}
export interface GroupMembersTable {
  group_id: string;
  user_id: string;
}
