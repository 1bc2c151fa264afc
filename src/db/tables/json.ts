import type { ColumnType } from 'kysely';

/** A jsonb column: read as T, written as a JSON string (see `json()`), so pg and PGlite encode it alike. */
export type Json<T> = ColumnType<T, string, string>;
/** A jsonb column with a database default. */
export type JsonDefault<T> = ColumnType<T, string | undefined, string>;

export function json(value: unknown): string {
  return JSON.stringify(value);
}
