/**
 * Wraps an async signal so that at most one call runs at a time: calls made while one runs are folded into a
 * single further call once it ends (nothing asked after a call started is lost). With `minIntervalMs`, that
 * further call waits until so long after the previous one started (a burst of signals costs a few calls, not one
 * each). Errors go to `onError`.
 */
export function coalesced(run: () => Promise<void>, onError: (err: unknown) => void, minIntervalMs = 0): () => void {
  let running = false;
  let again = false;
  const start = (): void => {
    running = true;
    again = false;
    const startedAt = Date.now();
    void run()
      .catch(onError)
      .finally(() => {
        if (!again) {
          running = false;
          return;
        }
        const wait = minIntervalMs - (Date.now() - startedAt);
        if (wait > 0) setTimeout(start, wait);
        else start();
      });
  };
  return () => {
    if (running) again = true;
    else start();
  };
}
