import type { Logger } from '../lib/logger.ts';

export type Worker = { wake(): void; stop(): Promise<void>; readonly running: boolean };

/**
 * A queue the worker drains: `run` claims and handles up to `batchSize` items and returns how many it took. A task
 * that keeps work going after `run` returns (the outbox pump) gets its loop's wake-up through `attach` and is
 * waited for through `settle` when the worker stops.
 */
export type DrainTask = {
  name: string;
  batchSize: number;
  run: (batchSize: number) => Promise<number>;
  attach?: (wake: () => void) => void;
  settle?: () => Promise<void>;
};
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
 * The background worker: each queue (inbound webhooks, outbox, audit sealing) is drained by its own loop, so a
 * batch of sends in flight never delays the processing of newly arrived webhooks and the other way round.
 * A loop wakes at once when this process adds work and every `pollMs` otherwise (work added by other
 * processes); periodic tasks run in one more loop. `stop()` lets the batches (and a pump's sends) in hand finish.
 */
export function startWorker(opts: WorkerOptions): Worker {
  const pollMs = opts.pollMs ?? 500;
  const lingerMs = opts.lingerMs ?? 20;
  let running = true;
  // One signal per loop: wake() while a loop is busy is remembered, so its next idle wait ends at once instead
  // of missing the work that arrived meanwhile.
  type Signal = { woken: boolean; waiting?: () => void };
  const signals: Signal[] = [];

  const sleep = (signal: Signal, ms: number, interruptible: boolean) =>
    new Promise<void>((resolve) => {
      if (interruptible && signal.woken) {
        signal.woken = false;
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        signal.waiting = undefined;
        signal.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (interruptible) signal.waiting = done;
    });

  const guarded = async <T>(name: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      opts.log.error({ task: name, err: err instanceof Error ? err.message : String(err) }, 'worker task failed');
      return fallback;
    }
  };

  const wakeOne = (signal: Signal) => {
    signal.woken = true;
    signal.waiting?.();
  };

  const drainLoop = async (task: DrainTask) => {
    const signal: Signal = { woken: false };
    signals.push(signal);
    task.attach?.(() => wakeOne(signal));
    while (running) {
      signal.woken = false;
      const n = await guarded(task.name, () => task.run(task.batchSize), 0);
      if (!running) break;
      if (n === 0) await sleep(signal, pollMs, true);
      else if (n < task.batchSize && lingerMs > 0) await sleep(signal, lingerMs, false);
    }
  };

  const periodicLoop = async (tasks: PeriodicTask[]) => {
    const signal: Signal = { woken: false };
    signals.push(signal);
    const lastRun = new Map<string, number>();
    while (running) {
      for (const task of tasks) {
        const now = opts.now();
        if (now - (lastRun.get(task.name) ?? 0) >= task.everyMs) {
          lastRun.set(task.name, now);
          await guarded(task.name, task.run, undefined);
        }
        if (!running) break;
      }
      if (running) await sleep(signal, pollMs, true);
    }
  };

  const loops = [...opts.drains.map(drainLoop), ...(opts.periodic?.length ? [periodicLoop(opts.periodic)] : [])];
  const wakeAll = () => {
    for (const signal of signals) wakeOne(signal);
  };

  return {
    get running() {
      return running;
    },
    wake: wakeAll,
    stop: async () => {
      running = false;
      wakeAll();
      await Promise.all(loops);
      await Promise.all(opts.drains.map((d) => d.settle?.()));
    },
  };
}
