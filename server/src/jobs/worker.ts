import { deleteStaleUploads } from '../db/repositories/attachments.repo.ts';
import { deliverDueMessages, type DeliveryDeps } from '../commands/deliver-due-messages.ts';
import type { Logger } from '../lib/logger.ts';

export type Worker = { wake(): void; stop(): Promise<void>; readonly running: boolean };

export type WorkerOptions = {
  pollMs?: number;
  batchSize?: number;
  /** After a partial batch, wait this long before claiming again so claims fill up under a steady trickle. */
  lingerMs?: number;
  log: Logger;
};

const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
const HOUSEKEEPING_MS = 10 * 60 * 1000;

/**
 * The background worker: drains the outbox, waking at once when this process queues a message and every
 * `pollMs` otherwise (messages queued by other processes). `stop()` lets the batch in hand finish.
 */
export function startWorker(deps: DeliveryDeps, opts: WorkerOptions): Worker {
  const pollMs = opts.pollMs ?? 500;
  const batchSize = opts.batchSize ?? 50;
  const lingerMs = opts.lingerMs ?? 20;
  let running = true;
  let wakeUp: (() => void) | undefined;
  let lastHousekeeping = 0;

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async () => {
    while (running) {
      let claimed = 0;
      try {
        claimed = await deliverDueMessages(deps, batchSize);
        const now = deps.clock.now().getTime();
        if (now - lastHousekeeping > HOUSEKEEPING_MS) {
          lastHousekeeping = now;
          const removed = await deleteStaleUploads(deps.db, new Date(now - UPLOAD_TTL_MS));
          if (removed > 0) opts.log.info({ removed }, 'removed abandoned uploads');
        }
      } catch (err) {
        opts.log.error({ err: err instanceof Error ? err.message : String(err) }, 'worker iteration failed');
      }
      if (!running) break;
      if (claimed === 0) await sleep();
      else if (claimed < batchSize && lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, lingerMs));
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
