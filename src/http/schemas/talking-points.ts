// Talking points, their receipts and audience groups, as the API sends and receives them.
import { Type } from 'typebox';
import { LIMITS } from '../../talking-points/content.js';
import { Nullable, NullableTimestamp, Timestamp, Uuid } from './common.js';
import { LangSchema, RoleSchema } from './users.js';

export const TalkingPointStatusSchema = Type.Union([
  Type.Literal('draft'), Type.Literal('in_review'), Type.Literal('approved'), Type.Literal('published'), Type.Literal('superseded'), Type.Literal('retired'),
]);

const Person = Type.Object({ id: Uuid, name: Type.String() });
const VariantSchema = Type.Object({
  title: Type.String({ minLength: 1, maxLength: LIMITS.title }),
  body: Type.String({ minLength: 1, maxLength: LIMITS.body }),
}, { additionalProperties: false });
const VariantsSchema = Type.Object({ fr: Type.Optional(VariantSchema), en: Type.Optional(VariantSchema) }, { additionalProperties: false });
const SuggestedPostSchema = Type.Object({
  network: Type.String({ minLength: 1, maxLength: LIMITS.network, description: 'linkedin, x, facebook, instagram, mastodon, bluesky…' }),
  text: Type.String({ minLength: 1, maxLength: LIMITS.postText }),
}, { additionalProperties: false });
const AudienceSchema = Type.Union([
  Type.Object({ all: Type.Literal(true) }, { additionalProperties: false }),
  Type.Object({ group_ids: Type.Array(Uuid, { minItems: 1, maxItems: LIMITS.groups }) }, { additionalProperties: false }),
], { description: 'All ambassadors, or the ambassadors in these groups' });
const DoNotSayMatchSchema = Type.Object({ phrase: Type.String(), field: Type.String() });

const pointFields = {
  id: Uuid, lineage_id: Uuid, version: Type.Integer(), status: TalkingPointStatusSchema,
  title: Type.String(), body: Type.String(), variants: VariantsSchema, shareable: Type.Boolean(), share_url: Nullable(Type.String()),
  suggested_posts: Type.Array(SuggestedPostSchema), tags: Type.Array(Type.String()),
  incident_id: Nullable(Uuid), alert_ids: Type.Array(Uuid), audience: AudienceSchema,
  author: Person, approved_by: Nullable(Person), approved_at: NullableTimestamp,
  published_by: Nullable(Person), published_at: NullableTimestamp, submitted_at: NullableTimestamp, retired_at: NullableTimestamp,
  sent_back: Nullable(Type.Object({ reason: Type.String(), by: Nullable(Person), at: Timestamp }, { description: 'Why a reviewer sent this version back to draft; cleared when it is submitted again' })),
  created_at: Timestamp, updated_at: Timestamp,
  do_not_say_matches: Type.Array(DoNotSayMatchSchema, { description: 'Do-not-say phrases found in the text; they block approval of a shareable point' }),
};

export const TalkingPointSchema = Type.Object(pointFields, { $id: 'TalkingPoint' });

const HistoryEntrySchema = Type.Object({
  at: Timestamp, action: Type.String(), version: Type.Integer(), talking_point_id: Uuid,
  actor: Nullable(Person), details: Type.Object({}, { additionalProperties: true }),
});
const VersionRefSchema = Type.Object({ id: Uuid, version: Type.Integer(), status: TalkingPointStatusSchema });

export const TalkingPointDetailSchema = Type.Object({
  ...pointFields,
  history: Type.Array(HistoryEntrySchema, { description: 'Audit trail of every version of the lineage, oldest first (empty for ambassadors)' }),
  versions: Type.Array(VersionRefSchema),
  read_at: Type.Optional(NullableTimestamp),
  priority: Type.Optional(Type.Boolean()),
});

export const FeedItemSchema = Type.Object({ ...pointFields, read_at: NullableTimestamp, priority: Type.Boolean() });

const contentFields = {
  title: Type.String({ minLength: 1, maxLength: LIMITS.title }),
  body: Type.String({ minLength: 1, maxLength: LIMITS.body }),
  incident_id: Type.Optional(Nullable(Uuid)),
  alert_ids: Type.Optional(Type.Array(Uuid, { maxItems: LIMITS.alerts })),
  variants: Type.Optional(VariantsSchema),
  shareable: Type.Optional(Type.Boolean({ description: 'May ambassadors post it publicly? Default: internal only' })),
  share_url: Type.Optional(Nullable(Type.String({ maxLength: LIMITS.shareUrl, description: 'Where the tracked short link of a shared point leads (http or https); null: shared as text only' }))),
  suggested_posts: Type.Optional(Type.Array(SuggestedPostSchema, { maxItems: LIMITS.suggestedPosts })),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: LIMITS.tag }), { maxItems: LIMITS.tags })),
  audience: Type.Optional(AudienceSchema),
};

export const CreateTalkingPointBody = Type.Object({
  ...contentFields,
  alert_id: Type.Optional(Nullable(Uuid)),
}, { additionalProperties: false });

export const UpdateTalkingPointBody = Type.Object({
  ...contentFields,
  title: Type.Optional(contentFields.title),
  body: Type.Optional(contentFields.body),
}, { additionalProperties: false, minProperties: 1 });

const typedVariant = Type.Object({ title: Type.String({ maxLength: LIMITS.title }), body: Type.String({ maxLength: LIMITS.body }) }, { additionalProperties: false });

/** Text being typed in the editor: every field optional and possibly empty. */
export const CheckBody = Type.Object({
  title: Type.Optional(Type.String({ maxLength: LIMITS.title })),
  body: Type.Optional(Type.String({ maxLength: LIMITS.body })),
  variants: Type.Optional(Type.Object({ fr: Type.Optional(typedVariant), en: Type.Optional(typedVariant) }, { additionalProperties: false })),
  suggested_posts: Type.Optional(Type.Array(Type.Object({
    network: Type.String({ maxLength: LIMITS.network }), text: Type.String({ maxLength: LIMITS.postText }),
  }, { additionalProperties: false }), { maxItems: LIMITS.suggestedPosts })),
}, { additionalProperties: false });

export const CheckResultSchema = Type.Object({
  lang: Type.Union([Type.Literal('fr'), Type.Literal('en'), Type.Literal('other')], { description: 'Language of the title and body, detected from the text' }),
  do_not_say_matches: Type.Array(DoNotSayMatchSchema, { description: 'Do-not-say phrases in the text; approval of a shareable point refuses them' }),
});

export const RejectBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });

export const ListQuery = Type.Object({
  status: Type.Optional(Type.String({ pattern: '^(draft|in_review|approved|published|superseded|retired)(,(draft|in_review|approved|published|superseded|retired))*$', description: 'One status or several, comma-separated' })),
  incident_id: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words to find (case- and accent-insensitive; the last word may be a prefix)' })),
  tag: Type.Optional(Type.String({ maxLength: LIMITS.tag })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
}, { additionalProperties: false });

export const LibraryQuery = Type.Omit(ListQuery, ['status']);
export const FeedQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }, { additionalProperties: false });

export const ReceiptsSchema = Type.Object({
  sent: Type.Integer(), read: Type.Integer(), unread: Type.Integer(),
  recipients: Type.Array(Type.Object({
    user_id: Uuid, name: Type.String(), email: Type.String(), priority: Type.Boolean(), sent_at: Timestamp, read_at: NullableTimestamp,
  }), { description: 'Flagged (priority) recipients first, then by name' }),
});

export const AckSchema = Type.Object({ talking_point_id: Uuid, read_at: Timestamp });

// Groups

export const GroupKindSchema = Type.Union([Type.Literal('team'), Type.Literal('department'), Type.Literal('language'), Type.Literal('other')]);

const groupFields = { id: Uuid, name: Type.String(), kind: GroupKindSchema, member_count: Type.Integer(), created_at: Timestamp };
export const GroupSchema = Type.Object(groupFields, { $id: 'Group' });

export const GroupDetailSchema = Type.Object({
  ...groupFields,
  members: Type.Array(Type.Object({ id: Uuid, name: Type.String(), email: Type.String(), role: RoleSchema, lang: LangSchema, disabled: Type.Boolean() })),
});

export const CreateGroupBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), kind: Type.Optional(GroupKindSchema) }, { additionalProperties: false });
export const UpdateGroupBody = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), kind: Type.Optional(GroupKindSchema) }, { additionalProperties: false, minProperties: 1 });
export const AddMembersBody = Type.Object({ user_ids: Type.Array(Uuid, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false });
export const MemberParams = Type.Object({ id: Uuid, user_id: Uuid });
