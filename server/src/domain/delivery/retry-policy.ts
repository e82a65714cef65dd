/**
 * When to try a failed delivery again: exponential backoff with "equal jitter" (half fixed, half random), so
 * that many messages failing together do not retry together. `random` is a number in [0, 1).
 */
export function retryDelayMs(attempt: number, random: number, opts: { baseMs?: number; maxMs?: number } = {}): number {
  const base = opts.baseMs ?? 2_000;
  const max = opts.maxMs ?? 15 * 60_000;
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random * (exp / 2));
}

/** A provider's own hint (Retry-After, usage headers) wins when it asks for a longer wait. */
export function nextAttemptDelayMs(attempt: number, random: number, providerAfterMs: number | undefined): number {
  const own = retryDelayMs(attempt, random);
  return providerAfterMs !== undefined && providerAfterMs > own ? providerAfterMs : own;
}
