/**
 * Wraps an async signal so that at most one call runs at a time: calls made while one runs are folded into a
 * single further call once it ends (nothing asked after a call started is lost). Errors go to `onError`.
 */
export function coalesced(run: () => Promise<void>, onError: (err: unknown) => void): () => void {
  let running = false;
  let again = false;
  const start = (): void => {
    running = true;
    again = false;
    void run()
      .catch(onError)
      .finally(() => {
        running = false;
        if (again) start();
      });
  };
  return () => {
    if (running) again = true;
    else start();
  };
}
