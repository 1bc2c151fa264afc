import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config/index.js';

// Query parameters that carry a credential (the websocket stream accepts ?token=; the single sign-on
// callback carries an authorization code): never written to a log.
const SECRET_PARAMS = /([?&](?:token|access_token|ingest_token|password|code)=)[^&#]*/gi;

/** The request URL as logged: credentials in the query string replaced by [redacted]. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

interface LoggedRequest { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }

/** Fastify's request serializer, minus the secrets: the URL is redacted, headers are never logged. */
export const requestSerializer = (req: LoggedRequest) => ({
  method: req.method,
  url: redactUrl(req.url ?? ''),
  host: req.host,
  remoteAddress: req.ip,
  remotePort: req.socket?.remotePort,
});

/** JSON logs by default; human-readable when asked (LOG_PRETTY=true) or when writing to a terminal. */
export function createLogger(config: Pick<Config, 'log_level' | 'log_pretty'>, env: NodeJS.ProcessEnv = process.env, destination?: DestinationStream): Logger {
  const pretty = !destination && (config.log_pretty || (process.stdout.isTTY === true && env.LOG_PRETTY === undefined));
  const options = {
    level: config.log_level,
    base: { service: 'pilotfish' },
    serializers: { req: requestSerializer },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'token', '*.token', 'ingest_token', '*.ingest_token'], censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}
