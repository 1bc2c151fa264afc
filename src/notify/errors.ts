/**
 * Why a delivery failed, in the terms the outbox needs: may the same notification be tried again later?
 * `code` is a short machine-readable reason that the outbox stores next to the message.
 */
export type DeliveryErrorCode =
  | 'not_configured' // the channel has no configuration (e.g. no SMTP_URL)
  | 'invalid_target' // bad URL or address: retrying cannot help
  | 'blocked' // the caller's SSRF guard refused the target
  | 'connection' // refused, reset, DNS failure, TLS failure
  | 'timeout' // no answer within the time allowed
  | 'rejected_transient' // the server said "try again later" (SMTP 4xx, HTTP 408/429/5xx)
  | 'rejected_permanent' // the server refused for good (SMTP 5xx, HTTP 4xx)
  | 'redirect' // HTTP 3xx: never followed, the webhook URL must be fixed
  | 'auth' // the SMTP server refused our credentials
  | 'unknown';

export interface DeliveryErrorDetails {
  retryable: boolean;
  code: DeliveryErrorCode;
  /** HTTP status or SMTP reply code, when the other side answered. */
  status?: number;
  /** From an HTTP Retry-After header: the receiver asked us to wait this long. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class DeliveryError extends Error {
  readonly retryable: boolean;
  readonly code: DeliveryErrorCode;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, details: DeliveryErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'DeliveryError';
    this.retryable = details.retryable;
    this.code = details.code;
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export function isDeliveryError(value: unknown): value is DeliveryError {
  return value instanceof DeliveryError;
}
