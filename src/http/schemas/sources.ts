import { Type } from 'typebox';
import { Nullable, NullableTimestamp, Timestamp, Uuid } from './common.js';

import { CREATABLE_SOURCE_KINDS, SourceKindSchema, SourceStateSchema } from '../../contract/enums.js';

export { SourceKindSchema };

const CreatableKind = Type.Enum(CREATABLE_SOURCE_KINDS);

export const SourceSchema = Type.Object({
  id: Uuid,
  kind: SourceKindSchema,
  name: Type.String(),
  url: Nullable(Type.String()),
  poll_interval_seconds: Nullable(Type.Integer()),
  enabled: Type.Boolean(),
  disabled_reason: Nullable(Type.String()),
  last_polled_at: NullableTimestamp,
  last_success_at: NullableTimestamp,
  last_error: Nullable(Type.String()),
  consecutive_failures: Type.Integer(),
  next_check_at: NullableTimestamp,
  items_collected: Type.Integer(),
  created_at: Timestamp,
  config: Type.Record(Type.String(), Type.Unknown()),
  secrets_set: Type.Array(Type.String(), { description: 'Secret fields that hold a value; the values are never returned' }),
  state: SourceStateSchema,
  last_event_at: NullableTimestamp,
  lag_seconds: Nullable(Type.Number()),
  events_per_second: Nullable(Type.Number()),
  error_count: Type.Integer(),
  ingest_token: Type.Optional(Type.String({ description: 'Push sources only; shown once, at creation or rotation' })),
}, { $id: 'Source' });

export const CreateSourceBody = Type.Object({
  kind: Type.String({ minLength: 1, maxLength: 40, description: `One of ${CREATABLE_SOURCE_KINDS.join(', ')}` }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  poll_interval_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })),
  config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
}, { additionalProperties: false });

export const UpdateSourceBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  poll_interval_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })),
  enabled: Type.Optional(Type.Boolean()),
  config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
}, { additionalProperties: false, minProperties: 1 });

export const PreviewMention = Type.Object({
  external_id: Type.String(), text: Type.String(), author: Nullable(Type.String()), url: Nullable(Type.String()),
  published_at: Type.String(), title: Nullable(Type.String()),
  network: Type.Optional(Nullable(Type.String())), author_followers: Type.Optional(Nullable(Type.Integer())),
  likes: Type.Optional(Nullable(Type.Integer())), reposts: Type.Optional(Nullable(Type.Integer())), replies: Type.Optional(Nullable(Type.Integer())),
});

export const PreviewBody = Type.Object({
  kind: Type.Optional(CreatableKind),
  url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
}, { additionalProperties: false });

export const PreviewResponse = Type.Object({
  ok: Type.Boolean(),
  error: Type.Optional(Type.String()),
  title: Type.Optional(Nullable(Type.String())),
  format: Type.Optional(Type.String()),
  total: Type.Optional(Type.Integer()),
  mentions: Type.Array(PreviewMention),
});

export const PollOutcomeSchema = Type.Object({ ok: Type.Boolean(), accepted: Type.Integer(), not_modified: Type.Boolean(), error: Nullable(Type.String()), source: SourceSchema });
