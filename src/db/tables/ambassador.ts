// Tables of the ambassador programme (migration 0010): push subscriptions, sign-in links, charter and
// training, share links, single sign-on requests.
import type { Generated, Selectable } from 'kysely';
import type { Json, JsonDefault } from './json.js';

export interface PushSubscriptionsTable {
  id: Generated<string>;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  alerts: Generated<boolean>;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_sent_at: Date | null;
}
export type PushSubscriptionRow = Selectable<PushSubscriptionsTable>;

export interface SignInLinksTable {
  id: Generated<string>;
  user_id: string;
  purpose: 'invitation' | 'sign_in';
  token_hash: string;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface ChartersTable {
  version: number;
  body_fr: string;
  body_en: string;
  card_fr: Generated<string>;
  card_en: Generated<string>;
  published_by: string | null;
  published_at: Generated<Date>;
}
export type CharterRow = Selectable<ChartersTable>;

export interface CharterAcceptancesTable {
  user_id: string;
  version: number;
  accepted_at: Generated<Date>;
}

export interface TrainingQuestion { question: string; choices: string[]; answer: number }

export interface TrainingModulesTable {
  id: Generated<string>;
  title: string;
  lang: 'fr' | 'en';
  body: string;
  questions: JsonDefault<TrainingQuestion[]>;
  position: Generated<number>;
  published: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type TrainingModuleRow = Selectable<TrainingModulesTable>;

export interface TrainingCompletionsTable {
  module_id: string;
  user_id: string;
  score: number;
  completed_at: Generated<Date>;
}

export interface ShareLinksTable {
  code: string;
  talking_point_id: string;
  network: string;
  group_id: string | null;
  created_at: Generated<Date>;
}

export interface ShareClicksTable {
  code: string;
  day: string;
  clicks: Generated<number>;
}

export interface OidcRequestsTable {
  state: string;
  code_verifier: string;
  nonce: string;
  expires_at: Date;
}

export interface LinkPreview { url: string; title: string | null; description: string | null; site_name: string | null; image_url: string | null }
export type PreviewColumn = Json<LinkPreview | null>;
