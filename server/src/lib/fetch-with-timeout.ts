/** A fetch for calls to providers. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * `fetch` that gives up after `timeoutMs` (rejecting with a TimeoutError, which adapters treat as a transient
 * network failure). Without it a provider that accepts the connection and never answers holds the worker's
 * batch forever: nothing else is delivered or processed, and once the 60 s lease lapses another process may
 * send the same message again.
 */
export function fetchWithTimeout(timeoutMs: number, base: Fetch = fetch): Fetch {
  return (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return base(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}
