/** Counts for one unit and category over a period. Cases without a deadline are in none of them. */
export type OnTimeCounts = {
  /** Finished (resolved, closed or rejected) in the period, at or before their due time. */
  closedOnTime: number;
  /** Finished in the period after their due time. */
  closedLate: number;
  /** Still open at the end of the period and past their due time then. */
  openPastDue: number;
};

/**
 * On-time rate = closed on time / (closed + open past due). Open overdue cases are in the denominator, so the
 * rate cannot read 100 % while any of them is open. Null when there is nothing to measure.
 */
export function onTimeRate(c: OnTimeCounts): number | null {
  const denominator = c.closedOnTime + c.closedLate + c.openPastDue;
  return denominator === 0 ? null : c.closedOnTime / denominator;
}
