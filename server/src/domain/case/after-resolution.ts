import type { CaseStatus } from '../../../../contracts/enums.ts';

/** A citizen may reopen a resolved or closed case within this time after its resolution. */
export const REOPEN_WITHIN_MS = 7 * 24 * 3_600_000;

type Resolved = { status: CaseStatus; resolvedAt: Date | null; mergedIntoId: string | null };

/** Rating is offered once a case is resolved (or closed after resolution), not for merged duplicates. */
export function canRate(c: Resolved): boolean {
  return (c.status === 'resolved' || c.status === 'closed') && c.resolvedAt !== null && c.mergedIntoId === null;
}

/** Reopening is possible within REOPEN_WITHIN_MS of the resolution; rejected and merged cases stay as they are. */
export function canReopen(c: Resolved, now: Date): boolean {
  return canRate(c) && c.resolvedAt !== null && now.getTime() - c.resolvedAt.getTime() <= REOPEN_WITHIN_MS;
}
