// Errors the feed collector raises. Their messages become a source's `last_error`, shown to
// administrators, so every message is a single readable line without stack traces or XML dumps.

export type FeedFetchErrorCode =
  | 'bad_url'
  | 'unsafe_url'
  | 'dns'
  | 'network'
  | 'tls'
  | 'timeout'
  | 'too_large'
  | 'decode'
  | 'http_status'
  | 'too_many_redirects'
  | 'redirect_loop';

export type FeedParseErrorCode = 'empty' | 'not_a_feed' | 'malformed';

const MAX_MESSAGE_LENGTH = 300;

/** Collapses whitespace (sax and Node put newlines in their messages) and caps the length. */
export function oneLine(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE_LENGTH ? `${flat.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : flat;
}

export interface FeedFetchErrorDetails {
  httpStatus?: number;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class FeedFetchError extends Error {
  override readonly name = 'FeedFetchError';
  readonly code: FeedFetchErrorCode;
  readonly httpStatus?: number;
  /** From `Retry-After` on 429/503 answers, in seconds from now (never negative). */
  readonly retryAfterSeconds?: number;

  constructor(code: FeedFetchErrorCode, message: string, details: FeedFetchErrorDetails = {}) {
    super(oneLine(message), details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
  readonly code: FeedParseErrorCode;

  constructor(code: FeedParseErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(oneLine(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
