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

/**
 * After a send whose outcome is unknown (a timeout, a dropped connection: the provider may have acted), wait at
 * least this long before sending again, so that the provider's echo of a send that did go through arrives and
 * settles the message first (neither Zalo nor Messenger takes an idempotency key).
 */
export const AMBIGUOUS_RETRY_MIN_MS = 30_000;

/** A provider's own hint (Retry-After, usage headers) wins when it asks for a longer wait. */
export function nextAttemptDelayMs(attempt: number, random: number, providerAfterMs: number | undefined, ambiguous = false): number {
  const own = Math.max(retryDelayMs(attempt, random), ambiguous ? AMBIGUOUS_RETRY_MIN_MS : 0);
  return providerAfterMs !== undefined && providerAfterMs > own ? providerAfterMs : own;
}
