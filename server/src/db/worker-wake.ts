import type { Queryable } from './client.ts';

/**
 * The notification channel that wakes worker processes: an api-only process that stored a webhook or queued a
 * message tells the workers at once instead of leaving the work to their next poll. The payload is empty.
 */
export const WORKER_WAKE_CHANNEL = 'gandan_worker_wake';

/** Wakes every worker process listening on the database (a hint: workers still poll, so a lost one costs a poll). */
export async function notifyWorkers(q: Queryable): Promise<void> {
  await q.query(`SELECT pg_notify('${WORKER_WAKE_CHANNEL}', '')`, [], { name: 'worker.wake' });
}
