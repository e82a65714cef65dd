import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

/** What the server pushes (ids and kinds only; pages refetch what they show). */
export type LiveEvent = { type: 'case'; caseId: string; kind: string } | { type: 'notification' } | { type: 'resync' };
type Listener = (event: LiveEvent) => void;

const LiveContext = createContext<Set<Listener> | null>(null);

/**
 * One EventSource per console tab on /api/staff/events. The browser reconnects by itself; every (re)connection
 * after the first is announced as `resync`, because events may have been missed meanwhile.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>()).current;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/staff/events');
    let hasConnected = false;
    const emit = (event: LiveEvent) => {
      for (const listener of listeners) listener(event);
    };
    source.addEventListener('ready', () => {
      if (hasConnected) emit({ type: 'resync' });
      hasConnected = true;
    });
    source.addEventListener('case', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { caseId: string; kind: string };
      emit({ type: 'case', caseId: data.caseId, kind: data.kind });
    });
    source.addEventListener('notification', () => emit({ type: 'notification' }));
    source.addEventListener('resync', () => emit({ type: 'resync' }));
    return () => source.close();
  }, [listeners]);
  return <LiveContext.Provider value={listeners}>{children}</LiveContext.Provider>;
}

/**
 * Calls `onEvent` for live events the caller cares about (`accept`), at most once per `delayMs` burst: a reply
 * writes several timeline events in one go and one refetch is enough.
 */
export function useLiveEvents(accept: (event: LiveEvent) => boolean, onEvent: () => void, delayMs = 250): void {
  const listeners = useContext(LiveContext);
  const latest = useRef({ accept, onEvent });
  latest.current = { accept, onEvent };
  useEffect(() => {
    if (!listeners) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener: Listener = (event) => {
      if (!latest.current.accept(event)) return;
      timer ??= setTimeout(() => {
        timer = undefined;
        latest.current.onEvent();
      }, delayMs);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (timer) clearTimeout(timer);
    };
  }, [listeners, delayMs]);
}
