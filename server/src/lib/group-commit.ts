/**
 * Group commit: callers submit one item each and get that item's result; items submitted while earlier writes
 * are in flight are written together in one call of `write` (one statement, one commit), so under load the cost
 * of a commit (a WAL flush on PostgreSQL, a round trip) is shared by many callers while a lone caller waits for
 * no timer. Each caller's promise settles only once its batch's write has settled: a resolved promise means
 * the item was written. A failed write rejects every caller of that batch and nothing else.
 */
export type GroupCommitOptions<I, O> = {
  /** Writes the items in one go and returns one result per item, in order. */
  write: (items: readonly I[]) => Promise<readonly O[]>;
  /** Most items in one write. */
  maxBatch: number;
  /** Writes allowed at the same time (1 = strictly one after another). */
  maxInFlight: number;
};

type Waiter<I, O> = { item: I; resolve: (value: O) => void; reject: (reason: unknown) => void };

export function groupCommit<I, O>(options: GroupCommitOptions<I, O>): (item: I) => Promise<O> {
  if (options.maxBatch < 1 || options.maxInFlight < 1)
    throw new Error('groupCommit needs maxBatch and maxInFlight of at least 1');
  const queue: Waiter<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const startWrites = (): void => {
    scheduled = false;
    while (queue.length > 0 && inFlight < options.maxInFlight) {
      const batch = queue.splice(0, options.maxBatch);
      inFlight += 1;
      void writeBatch(batch);
    }
  };

  const writeBatch = async (batch: Waiter<I, O>[]): Promise<void> => {
    try {
      const results = await options.write(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      for (const w of batch) w.reject(err);
    } finally {
      inFlight -= 1;
      // What arrived during this write goes out at once, as one batch.
      startWrites();
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // An idle writer waits for the end of the current turn of the event loop, so that requests read from
      // the sockets in the same turn share the first write too.
      if (inFlight < options.maxInFlight && !scheduled) {
        scheduled = true;
        setImmediate(startWrites);
      }
    });
}
