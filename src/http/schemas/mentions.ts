import { Type } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common.js';

export const LabelSchema = Type.Union([Type.Literal('negative'), Type.Literal('neutral'), Type.Literal('positive')]);

export const MentionSchema = Type.Object({
  id: Type.Integer(), source_id: Uuid, source_kind: Type.String(), external_id: Type.String(), text: Type.String(),
  author: Nullable(Type.String()), url: Nullable(Type.String()), published_at: Timestamp, collected_at: Timestamp,
  lang: Type.String(), sentiment: Type.Number(), label: LabelSchema, risk: Type.Number(),
  risk_terms: Type.Array(Type.String()), watchlist_ids: Type.Array(Uuid),
}, { $id: 'Mention' });

export const PushBody = Type.Object({
  source_id: Type.Optional(Uuid),
  mentions: Type.Array(Type.Unknown(), {
    description: 'Items {external_id, text, author?, url?, published_at?, lang?}; each is validated on its own and rejected with its index and reason',
  }),
}, { additionalProperties: false });

export const PushResult = Type.Object({
  accepted: Type.Integer(), duplicates: Type.Integer(),
  rejected: Type.Array(Type.Object({ index: Type.Integer(), error: Type.String() })),
});

export const MentionQuery = Type.Object({
  watchlist_id: Type.Optional(Uuid),
  source_id: Type.Optional(Uuid),
  since: Type.Optional(Type.String({ format: 'date-time' })),
  until: Type.Optional(Type.String({ format: 'date-time' })),
  label: Type.Optional(LabelSchema),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

export const SeveritySchema = Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high'), Type.Literal('critical')]);

export const SignalBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 5000 }),
  url: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  channel: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  severity: SeveritySchema,
  watchlist_id: Type.Optional(Nullable(Uuid)),
  client_id: Type.Optional(Nullable(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'An id chosen by the client: sending the same report again returns the stored signal (200) instead of a new one' }))),
}, { additionalProperties: false });

export const SignalSchema = Type.Object({
  id: Uuid, text: Type.String(), url: Nullable(Type.String()), channel: Nullable(Type.String()), severity: SeveritySchema,
  watchlist_id: Nullable(Uuid), watchlist_ids: Type.Array(Uuid), mention_id: Nullable(Type.Integer()),
  reporter: Type.Object({ id: Uuid, name: Type.String() }), created_at: Timestamp,
  sentiment: Type.Optional(Type.Number()), label: Type.Optional(Type.String()), risk: Type.Optional(Type.Number()),
  preview: Nullable(Type.Object({
    url: Type.String(), title: Nullable(Type.String()), description: Nullable(Type.String()), site_name: Nullable(Type.String()), image_url: Nullable(Type.String()),
  }, { description: 'The shared link\'s preview (OpenGraph / oEmbed), fetched when the signal was filed' })),
  preview_error: Nullable(Type.String({ description: 'Why no preview could be fetched' })),
}, { $id: 'Signal' });
