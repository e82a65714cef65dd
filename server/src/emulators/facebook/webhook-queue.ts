import { toEscapedUnicodeJson } from '../shared/json.ts';
import type { EmulatorClock } from '../shared/clock.ts';

/** One update waiting to be sent: a Messenger event or a feed change, for one Page. */
export type PendingUpdate =
  | { pageId: string; kind: 'messaging'; event: Record<string, unknown> }
  | { pageId: string; kind: 'changes'; change: { field: string; value: Record<string, unknown> } };

/** Meta aggregates up to 1,000 updates in one POST (facebook spec §2.4). */
export const maxUpdatesPerPost = 1000;

/**
 * Collects updates for `batchWindowMs` and sends them as one `{object:"page", entry:[...]}` body.
 * Messenger events get one entry each (entry.time in ms); feed changes of one Page share an entry
 * (entry.time in seconds), as in Meta's samples (facebook spec §3, §4).
 */
export function createWebhookQueue(options: { batchWindowMs: number; clock: EmulatorClock; send: (body: string) => void }) {
  let pending: PendingUpdate[] = [];
  let timer: NodeJS.Timeout | null = null;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    while (pending.length > 0) {
      const batch = pending.slice(0, maxUpdatesPerPost);
      pending = pending.slice(maxUpdatesPerPost);
      options.send(toEscapedUnicodeJson(buildBody(batch, options.clock.now())));
    }
  }

  return {
    push(update: PendingUpdate): void {
      pending.push(update);
      if (options.batchWindowMs <= 0) return flush();
      timer ??= setTimeout(flush, options.batchWindowMs);
    },
    flush,
    close(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

function buildBody(batch: PendingUpdate[], nowMs: number): { object: 'page'; entry: Record<string, unknown>[] } {
  const entry: Record<string, unknown>[] = [];
  const feedEntries = new Map<string, { id: string; time: number; changes: unknown[] }>();
  for (const update of batch) {
    if (update.kind === 'messaging') {
      entry.push({ id: update.pageId, time: nowMs, messaging: [update.event] });
    } else {
      let feed = feedEntries.get(update.pageId);
      if (!feed) {
        feed = { id: update.pageId, time: Math.floor(nowMs / 1000), changes: [] };
        feedEntries.set(update.pageId, feed);
        entry.push(feed);
      }
      feed.changes.push(update.change);
    }
  }
  return { object: 'page', entry };
}
