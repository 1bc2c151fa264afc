// Waiting, behind an interface so that the stream runtime's reconnect delays can be driven by tests.
export interface Timers {
  /** Resolves after `ms`; rejects with the signal's reason when it is aborted first. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const realTimers: Timers = {
  sleep(ms, signal) {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, ms);
      const onAbort = () => { clearTimeout(timer); reject(signal.reason as Error); };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  },
};
