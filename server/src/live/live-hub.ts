import type { Db } from '../db/client.ts';
import { LIVE_CHANNEL } from '../db/live-notify.ts';
import { findCaseAudiences, findUnitPaths } from '../db/repositories/case-audience.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { parseLiveEvent, type LiveEvent } from '../domain/live/live-event.ts';
import type { Logger } from '../lib/logger.ts';

/** What one connected console receives: a live event, or `resync` after events may have been missed. */
export type LiveMessage = LiveEvent | { type: 'resync' };

/** One open console (an SSE stream) of a staff member whose scope is the unit subtree at `scopePath`. */
export type LiveClient = { staffId: string; scopePath: string; send: (message: LiveMessage) => void };

export type LiveHub = {
  /** Registers a console; resolves once this process listens, so nothing committed afterwards is missed. */
  add(client: LiveClient): Promise<() => void>;
  clientCount(): number;
  /** Stops listening and forgets every client. */
  stop(): Promise<void>;
};

/**
 * Fans database notifications (`pg_notify` on LIVE_CHANNEL, delivered on commit, from any process sharing the
 * database) out to this process's open consoles, each only about cases in its scope. Listens only while at
 * least one console is connected. Events arriving together are resolved with one query (two when some name a
 * unit that stopped reading the case).
 */
export function createLiveHub(db: Pick<Db, 'listen' | 'query'>, log: Pick<Logger, 'warn'>, opts: { batchMs?: number } = {}): LiveHub {
  const clients = new Set<LiveClient>();
  let listening: Promise<() => Promise<void>> | undefined;
  let pending: LiveEvent[] = [];
  let timer: NodeJS.Timeout | undefined;

  const broadcast = (pick: (c: LiveClient) => boolean, message: LiveMessage) => {
    for (const c of clients) if (pick(c)) c.send(message);
  };

  const flush = async () => {
    timer = undefined;
    const batch = pending;
    pending = [];
    const caseIds = [...new Set(batch.flatMap((e) => (e.type === 'case' ? [e.caseId] : [])))];
    const formerUnitIds = [...new Set(batch.flatMap((e) => (e.type === 'case' && e.alsoUnitId ? [e.alsoUnitId] : [])))];
    let audiences = new Map<string, string[]>();
    let formerUnits = new Map<string, string>();
    if (caseIds.length > 0 && clients.size > 0) {
      try {
        [audiences, formerUnits] = await Promise.all([findCaseAudiences(db, caseIds), findUnitPaths(db, formerUnitIds)]);
      } catch (err) {
        log.warn({ err: err instanceof Error ? err.message : String(err) }, 'live events: audience lookup failed');
        broadcast(() => true, { type: 'resync' });
        return;
      }
    }
    for (const e of batch) {
      if (e.type === 'notification') broadcast((c) => c.staffId === e.staffId, e);
      else {
        // A unit the change took the case away from hears of it too (its inbox drops the row).
        const former = e.alsoUnitId ? formerUnits.get(e.alsoUnitId) : undefined;
        const paths = [...(audiences.get(e.caseId) ?? []), ...(former ? [former] : [])];
        broadcast((c) => paths.some((p) => isPathInScope(c.scopePath, p)), e);
      }
    }
  };

  const onPayload = (payload: string) => {
    const event = parseLiveEvent(payload);
    if (!event || clients.size === 0) return;
    pending.push(event);
    timer ??= setTimeout(() => void flush(), opts.batchMs ?? 20);
  };

  const ensureListening = () => {
    listening ??= db.listen(LIVE_CHANNEL, { onPayload, onGap: () => broadcast(() => true, { type: 'resync' }) }).catch((err: unknown) => {
      listening = undefined;
      throw err;
    });
    return listening;
  };

  return {
    add: async (client) => {
      await ensureListening();
      clients.add(client);
      return () => void clients.delete(client);
    },
    clientCount: () => clients.size,
    stop: async () => {
      clients.clear();
      if (timer) clearTimeout(timer);
      const stop = await listening?.catch(() => undefined);
      listening = undefined;
      await stop?.();
    },
  };
}
