// Schemas shared by routes. Every route declares its responses, so nothing unlisted ever leaks.
import { Type, type TSchema } from 'typebox';

export const ErrorResponse = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }, { additionalProperties: true }),
}, { $id: 'Error' });

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** The standard error responses every authenticated route can give, plus the route's own successes. */
export function responses(ok: Record<number, TSchema>, errors: number[] = [400, 401, 403, 404]): Record<number, TSchema> {
  const out: Record<number, TSchema> = { ...ok };
  for (const code of errors) out[code] = ErrorResponse;
  return out;
}

export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), next_cursor: Nullable(Type.String()) });
