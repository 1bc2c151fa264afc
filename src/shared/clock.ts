// The one source of time. Services and jobs take a Clock instead of reading the wall clock, so a tick is a
// function of `now` and tests move time forward instead of sleeping.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to (tests, backtests, replays). */
export interface ManualClock extends Clock {
  set(at: Date | number): void;
  advance(ms: number): Date;
}

export function manualClock(start: Date | number = Date.UTC(2026, 0, 1)): ManualClock {
  let t = typeof start === 'number' ? start : start.getTime();
  return {
    now: () => new Date(t),
    set: (at) => { t = typeof at === 'number' ? at : at.getTime(); },
    advance: (ms) => { t += ms; return new Date(t); },
  };
}
