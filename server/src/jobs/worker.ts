import type { Logger } from '../lib/logger.ts';

export type Worker = { wake(): void; stop(): Promise<void>; readonly running: boolean };

/**
 * A queue the worker drains: `run` claims and handles up to `batchSize` items and returns how many it took.
 * `loops` (default 1): how many batches of this queue may be in hand at once. The outbox uses two, so one slow
 * provider call (up to its timeout) does not hold back every acknowledgement behind it; `run` must then be safe
 * to call concurrently (claims under row locks, as for several processes).
 */
export type DrainTask = { name: string; batchSize: number; loops?: number; run: (batchSize: number) => Promise<number> };
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
 * processes); periodic tasks run in one more loop. `stop()` lets the batches in hand finish.
 */
export function startWorker(opts: WorkerOptions): Worker {
  const pollMs = opts.pollMs ?? 500;
  const lingerMs = opts.lingerMs ?? 20;
  let running = true;
  // One signal per loop: wake() while a loop is busy is remembered, so its next idle wait ends at once instead
  // of missing the work that arrived meanwhile.
  type Signal = { woken: boolean; waiting?: () => void };
  /** The loops of each queue: a wake-up goes to one idle loop of each, or is remembered by the busy ones. */
  const groups: Signal[][] = [];

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

  const wakeGroup = (group: Signal[]) => {
    const idle = group.find((s) => s.waiting);
    if (idle) {
      idle.woken = true;
      idle.waiting?.();
    } else for (const s of group) s.woken = true;
  };

  const drainLoop = async (task: DrainTask, signal: Signal, group: Signal[]) => {
    while (running) {
      signal.woken = false;
      const n = await guarded(task.name, () => task.run(task.batchSize), 0);
      if (!running) break;
      // A full batch means more is waiting: an idle sibling loop takes the next batch meanwhile.
      if (n === task.batchSize && group.length > 1) {
        const idle = group.find((s) => s !== signal && s.waiting);
        if (idle) {
          idle.woken = true;
          idle.waiting?.();
        }
      }
      if (n === 0) await sleep(signal, pollMs, true);
      else if (n < task.batchSize && lingerMs > 0) await sleep(signal, lingerMs, false);
    }
  };

  const startDrain = (task: DrainTask) => {
    const group: Signal[] = Array.from({ length: Math.max(1, task.loops ?? 1) }, () => ({ woken: false }));
    groups.push(group);
    return group.map((signal) => drainLoop(task, signal, group));
  };

  const periodicLoop = async (tasks: PeriodicTask[]) => {
    const signal: Signal = { woken: false };
    groups.push([signal]);
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

  const loops = [...opts.drains.flatMap(startDrain), ...(opts.periodic?.length ? [periodicLoop(opts.periodic)] : [])];
  const wakeAll = () => {
    for (const group of groups) wakeGroup(group);
  };
  const wakeEveryLoop = () => {
    for (const group of groups)
      for (const signal of group) {
        signal.woken = true;
        signal.waiting?.();
      }
  };

  return {
    get running() {
      return running;
    },
    wake: wakeAll,
    stop: async () => {
      running = false;
      wakeEveryLoop();
      await Promise.all(loops);
    },
  };
}
