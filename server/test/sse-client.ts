/** One server-sent event as received. */
export type SseEvent = { event: string; data: unknown };

/**
 * Connects to an event stream with the given headers and collects its events until `close()`. Resolves once the
 * server answered (status and headers).
 */
export async function connectSse(url: string, headers: Record<string, string>): Promise<{ status: number; events: SseEvent[]; close(): void }> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  if (res.ok && res.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const lines = block.split('\n');
            const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
            const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
            if (event) events.push({ event, data: data ? JSON.parse(data) : undefined });
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
  } else {
    await res.body?.cancel();
  }
  return { status: res.status, events, close: () => abort.abort() };
}
