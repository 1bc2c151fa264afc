import { pino, type Logger } from 'pino';
import type { Config } from './config/index.js';

/** JSON logs by default; human-readable when asked (LOG_PRETTY=true) or when writing to a terminal. */
export function createLogger(config: Pick<Config, 'log_level' | 'log_pretty'>, env: NodeJS.ProcessEnv = process.env): Logger {
  const pretty = config.log_pretty || (process.stdout.isTTY === true && env.LOG_PRETTY === undefined);
  return pino({
    level: config.log_level,
    base: { service: 'pilotfish' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'token'], censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } } } : {}),
  });
}
