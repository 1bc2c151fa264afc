// Runs an async task so that calls made while it runs are folded into one more run right after it:
// nothing requested is ever skipped, and the task never runs twice at once (detectors and delivery
// rounds are stateful). The dirty flag is checked and cleared with no await in between, so a call cannot
// slip between "no more work" and "not running".
export function coalescing(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let dirty = false;
  async function loop(): Promise<void> {
    try {
      do {
        dirty = false;
        await task();
      } while (dirty);
    } finally {
      running = null;
    }
  }
  return () => {
    if (running) {
      dirty = true;
      return running;
    }
    running = loop();
    return running;
  };
}
