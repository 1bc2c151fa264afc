// Recognises "the database is not reachable right now" (restart, network, pool exhausted, a database that
// refuses connections) and transient conflicts (deadlock victim, serialization failure). The API answers
// both with 503 + Retry-After instead of a 500: the client should simply try again. They are reported
// differently so an operator reading the logs, and a client reading the error code, can tell them apart.
const UNAVAILABLE_CODES = new Set([
  '55000', // object_not_in_prerequisite_state: e.g. "database is not currently accepting connections"
  '55006', // object_in_use: the database is being dropped or recreated
  '57P01', '57P02', '57P03', '57P04', '57P05', // admin/crash shutdown, cannot connect now, database dropped, idle session timeout
  '53300', // too_many_connections
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
]);
const RETRYABLE_CONFLICT_CODES = new Set(['40P01', '40001']);
const UNAVAILABLE_MESSAGES = [/timeout exceeded when trying to connect/i, /Connection terminated/i, /database did not answer/i, /Client has encountered a connection error/i, /the database system is (starting up|shutting down)/i, /Client was closed and is not queryable/i, /not currently accepting connections/i];

function codeOf(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** A deadlock victim or a serialization failure: nothing is wrong, the same request will succeed on retry. */
export function isRetryableConflict(err: unknown): boolean {
  const code = codeOf(err);
  return code !== undefined && RETRYABLE_CONFLICT_CODES.has(code);
}

/** The statement was cancelled by statement_timeout (57014): the read asked for too much at once. */
export function isStatementTimeout(err: unknown): boolean {
  return codeOf(err) === '57014';
}

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = codeOf(err);
  if (code && (UNAVAILABLE_CODES.has(code) || RETRYABLE_CONFLICT_CODES.has(code) || code.startsWith('08'))) return true;
  const message = (err as { message?: unknown }).message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message));
}

/**
 * A value the database refused (check constraint, NOT NULL, out-of-range number or date, bad encoding): the
 * request's input was wrong, so it is a 400, not a 500. This is the safety net behind the routes' own
 * validation; the field is taken from the constraint or column when PostgreSQL names one.
 */
export function databaseInputError(err: unknown): { field: string | undefined; message: string } | null {
  const code = codeOf(err);
  if (!code) return null;
  const e = err as { column?: string; constraint?: string; table?: string };
  if (code === '23514') {
    const field = e.constraint && e.table ? e.constraint.replace(`${e.table}_`, '').replace(/_check\d*$/, '') : undefined;
    return { field: field && /^[a-z_]+$/.test(field) ? field : undefined, message: 'is not an accepted value (empty, blank or out of range)' };
  }
  if (code === '23502') return { field: e.column, message: 'is required' };
  // Class 22: data exception (numeric or date out of range, invalid text representation, untranslatable character).
  if (code.startsWith('22')) return { field: e.column, message: 'is not a value the database can store (out of range or malformed)' };
  return null;
}

/** A unique constraint refused the row (two writers raced for the same key). */
export function isUniqueViolation(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { code?: unknown }).code === '23505';
}
