// What can go wrong with a stream connection, sorted by what the runtime does about it: `auth` disables the
// source (a person must fix the credentials), `rate_limited` waits at least Retry-After, everything else backs
// off exponentially and reconnects from the saved cursor.
export type ConnectorErrorKind = 'auth' | 'rate_limited' | 'server' | 'bad_response' | 'network' | 'stall' | 'config' | 'storage' | 'config_changed';

export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  constructor(readonly kind: ConnectorErrorKind, message: string, readonly retryAfterSeconds?: number, options?: { cause?: unknown }) {
    super(message.replace(/\s+/g, ' ').trim().slice(0, 500), options);
  }
}

/** Maps an HTTP status of a handshake or a REST answer to the error the runtime acts on (null for 2xx). */
export function errorForStatus(status: number, what: string, retryAfterSeconds?: number): ConnectorError | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401 || status === 403) {
    return new ConnectorError('auth', `${what} refused the credentials (HTTP ${status}); check the source's token or password`);
  }
  if (status === 429) return new ConnectorError('rate_limited', `${what} is rate limiting us (HTTP 429)`, retryAfterSeconds);
  if (status >= 500) return new ConnectorError('server', `${what} answered HTTP ${status}`, retryAfterSeconds);
  return new ConnectorError('bad_response', `${what} answered HTTP ${status}`);
}

export function asConnectorError(err: unknown): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = String((err as NodeJS.ErrnoException | null)?.code ?? '');
  if (code === 'unsafe_url') return new ConnectorError('config', message);
  return new ConnectorError('network', message || 'connection failed', undefined, { cause: err });
}
