import { Agent, request } from 'undici';

/** A fetch-shaped function for calls to providers and for the emulators' webhooks. */
export type HttpClient = (url: string, init: RequestInit) => Promise<Response>;

export type PooledHttpClient = HttpClient & { close(): Promise<void> };

/**
 * HTTP for provider calls: undici's `request` over a keep-alive connection pool, answered as a standard
 * `Response` so callers read `status`, `headers.get(…)` and `json()` as with `fetch`.
 *
 * Why not the global `fetch`: in Node 20 each `fetch` call builds web streams, an abort signal and a
 * request/response pair of WHATWG objects; on a small server that sends an acknowledgement for every new case it
 * cost about 0.5 ms of CPU per call, four times `request` (docs/benchmarks.md). Bodies are strings or bytes — all
 * our provider calls send JSON or a form encoded to a string — anything else is refused rather than sent wrongly.
 *
 * `timeoutMs` bounds the wait for the answer's headers and then for each part of its body: a provider that accepts
 * the connection and never answers rejects with a `TimeoutError` (adapters treat any rejection as a transient
 * network failure and retry), instead of holding the worker's batch until its lease lapses and another process
 * sends the same message again. A caller's `signal` aborts the call as with `fetch`.
 */
export function createHttpClient(options: { timeoutMs: number; connectionsPerOrigin?: number }): PooledHttpClient {
  const dispatcher = new Agent({
    connections: options.connectionsPerOrigin ?? 64,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connectTimeout: options.timeoutMs,
  });
  const client = async (url: string, init: RequestInit): Promise<Response> => {
    const body = init.body ?? undefined;
    if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      throw new TypeError('http client: the body must be a string or bytes');
    }
    const method = (init.method ?? 'GET').toUpperCase();
    try {
      const res = await request(url, {
        method: method as 'GET',
        headers: headersRecord(init.headers),
        body,
        dispatcher,
        signal: init.signal ?? undefined,
      });
      const bytes = await res.body.arrayBuffer();
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        else if (value !== undefined) headers.set(name, value);
      }
      // A Response cannot carry a body with 204/205/304 (or a status outside 200–599, which undici never gives).
      const empty = res.statusCode === 204 || res.statusCode === 205 || res.statusCode === 304;
      return new Response(empty ? null : bytes, { status: res.statusCode, headers });
    } catch (err) {
      throw asTimeout(err);
    }
  };
  return Object.assign(client, { close: () => dispatcher.close() });
}

function headersRecord(h: RequestInit['headers']): Record<string, string> {
  if (!h) return {};
  if (h instanceof Headers) return Object.fromEntries(h.entries());
  if (Array.isArray(h)) return Object.fromEntries(h);
  return h as Record<string, string>;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** undici's timeout errors as the `TimeoutError` that `fetch` with `AbortSignal.timeout` gives. */
function asTimeout(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
    const e = new Error(`provider did not answer in time (${code})`, { cause: err });
    e.name = 'TimeoutError';
    return e;
  }
  return err;
}
