// What can go wrong when a poll connector talks to a network's API, in the terms the poller acts on:
// `auth` disables the source with the reason (retrying a refused credential only gets it banned), `rate_limited`
// waits as long as the network asked, the others back off and are counted.
import { oneLine } from '../feed/errors.js';

export type PollErrorCode = 'auth' | 'rate_limited' | 'http' | 'malformed' | 'network';

export class PollError extends Error {
  override readonly name = 'PollError';
  constructor(readonly code: PollErrorCode, message: string, readonly details: { httpStatus?: number; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(oneLine(message), details.cause === undefined ? undefined : { cause: details.cause });
  }

  get retryAfterSeconds(): number | undefined {
    return this.details.retryAfterSeconds;
  }
}
