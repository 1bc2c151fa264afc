// Recognises "the database is not reachable right now" (restart, network, pool exhausted) and transient
// conflicts (deadlock victim, serialization failure), which the API answers with 503 + Retry-After instead
// of a 500: the client should simply try again.
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '40P01', '40001', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [/timeout exceeded when trying to connect/i, /Connection terminated/i, /database did not answer/i, /Client has encountered a connection error/i, /the database system is (starting up|shutting down)/i];

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = (err as { message?: unknown }).message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message));
}

/** A unique constraint refused the row (two writers raced for the same key). */
export function isUniqueViolation(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { code?: unknown }).code === '23505';
}
