/**
 * Work the server does on its own, on a timer: once at start, then every `intervalMs`. Each
 * instance runs its own timers; the tasks are written so that instances running them at once do
 * no harm (idempotent deletes, inserts that only one instance wins). A failed run is logged and
 * the next one comes as usual; runs of one task never overlap.
 */
export interface PeriodicLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface PeriodicTask {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startPeriodic(options: {
  name: string;
  intervalMs: number;
  logger: PeriodicLogger;
  /** Returns what to log when the run did something, or null when there was nothing to do. */
  run: () => Promise<object | null>;
}): PeriodicTask {
  const { name, intervalMs, logger, run } = options;
  let running: Promise<void> = Promise.resolve();
  const pass = () => {
    running = running
      .then(run)
      .then((done) => {
        if (done) logger.info(done, name);
      })
      .catch((error: unknown) => logger.error({ err: error }, `${name} failed`));
  };
  pass();
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
