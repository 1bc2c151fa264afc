import { Type } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common.js';

export const RiskTermSchema = Type.Object({ term: Type.String({ minLength: 1, maxLength: 200 }), weight: Type.Number({ exclusiveMinimum: 0, maximum: 10 }) }, { additionalProperties: false });

export const WatchlistSchema = Type.Object({
  id: Uuid, name: Type.String(),
  // Omitted for ambassadors: they pick a watchlist by name, the query and risk terms are the crisis team's.
  query: Type.Optional(Type.String()), risk_terms: Type.Optional(Type.Array(Type.Object({ term: Type.String(), weight: Type.Number() }))),
  enabled: Type.Boolean(), created_at: Timestamp, updated_at: Timestamp,
}, { $id: 'Watchlist' });

const QueryString = Type.String({
  minLength: 1, maxLength: 4000,
  description: 'Boolean query: terms, "quoted phrases", AND, OR, NOT (or -term), parentheses, implicit AND, suffix wildcard boycott*; case-, accent- and stem-insensitive',
});

export const CreateWatchlistBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  query: QueryString,
  risk_terms: Type.Optional(Type.Array(RiskTermSchema, { maxItems: 200 })),
  enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const UpdateWatchlistBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  query: Type.Optional(QueryString),
  risk_terms: Type.Optional(Type.Array(RiskTermSchema, { maxItems: 200 })),
  enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });

export const TestQueryBody = Type.Object({
  query: QueryString,
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
}, { additionalProperties: false });

export const TestQueryResult = Type.Object({
  scanned: Type.Integer(), matched: Type.Integer(),
  samples: Type.Array(Type.Object({
    id: Type.Integer(), text: Type.String(), author: Nullable(Type.String()), url: Nullable(Type.String()), published_at: Timestamp,
    lang: Type.String(), label: Type.String(), sentiment: Type.Number(), risk: Type.Number(),
  })),
});
