import type { Logger } from '../lib/logger.ts';

export type Worker = { wake(): void; stop(): Promise<void>; readonly running: boolean };

/** A queue the worker drains: `run` claims and handles up to `batchSize` items and returns how many it took. */
export type DrainTask = { name: string; batchSize: number; run: (batchSize: number) => Promise<number> };
/** Something done every `everyMs` (token refresh, removing abandoned uploads). */
export type PeriodicTask = { name: string; everyMs: number; run: () => Promise<void> };

export type WorkerOptions = {
  drains: DrainTask[];
  periodic?: PeriodicTask[];
  now: () => number;
  pollMs?: number;
  /** After partial batches, wait this long before claiming again so claims fill up under a steady trickle. */
  lingerMs?: number;
  log: Logger;
};

/**
 * The background worker: drains its queues (outbox, inbound webhooks), waking at once when this process adds
 * work and every `pollMs` otherwise (work added by other processes). `stop()` lets the batch in hand finish.
 */
export function startWorker(opts: WorkerOptions): Worker {
  const pollMs = opts.pollMs ?? 500;
  const lingerMs = opts.lingerMs ?? 20;
  const lastRun = new Map<string, number>();
  let running = true;
  let wakeUp: (() => void) | undefined;

  const sleep = (ms: number, interruptible: boolean) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      if (interruptible) {
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      }
    });

  const guarded = async <T>(name: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      opts.log.error({ task: name, err: err instanceof Error ? err.message : String(err) }, 'worker task failed');
      return fallback;
    }
  };

  const loop = async () => {
    while (running) {
      let claimed = 0;
      let full = false;
      for (const task of opts.drains) {
        const n = await guarded(task.name, () => task.run(task.batchSize), 0);
        claimed += n;
        full ||= n >= task.batchSize;
      }
      for (const task of opts.periodic ?? []) {
        const now = opts.now();
        if (now - (lastRun.get(task.name) ?? 0) >= task.everyMs) {
          lastRun.set(task.name, now);
          await guarded(task.name, task.run, undefined);
        }
      }
      if (!running) break;
      if (claimed === 0) await sleep(pollMs, true);
      else if (!full && lingerMs > 0) await sleep(lingerMs, false);
    }
  };
  const done = loop();

  return {
    get running() {
      return running;
    },
    wake: () => wakeUp?.(),
    stop: async () => {
      running = false;
      wakeUp?.();
      await done;
    },
  };
}
