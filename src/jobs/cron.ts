// Periodic work on node-cron with overlap protection: a tick that is still running makes the next one
// skip rather than pile up. Errors are logged with the job's name and never escape.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';

/** A cron expression that fires every `seconds` seconds (sub-minute) or minutes. */
export function everyExpression(seconds: number): string {
  if (seconds < 60) return `*/${Math.max(1, Math.round(seconds))} * * * * *`;
  const minutes = Math.max(1, Math.round(seconds / 60));
  return minutes < 60 ? `0 */${minutes} * * * *` : `0 0 */${Math.min(23, Math.round(minutes / 60))} * * *`;
}

export function schedule(name: string, expression: string, fn: () => Promise<unknown>, logger: Logger): ScheduledTask {
  if (!cron.validate(expression)) throw new Error(`job ${name}: invalid cron expression "${expression}"`);
  return cron.schedule(expression, async () => {
    try {
      await fn();
    } catch (err) {
      logger.error({ err, job: name }, 'job failed');
    }
  }, { name, noOverlap: true });
}
