/** Fee and receipt of a completed field visit, and the elapsed-time figures reported per unit. */

/** The largest fee a ward procedure done at home plausibly carries (VND); above it is a typing mistake. */
export const FEE_MAX_VND = 10_000_000;

export type FeeProblem = 'fee_not_whole' | 'fee_negative' | 'fee_too_large' | 'receipt_missing' | 'receipt_malformed';

/**
 * Checks the fee collected (whole VND, 0 when the procedure is free) and the receipt number (biên lai), which is
 * required whenever a fee was collected: 3–40 letters, digits and / . - (e.g. "BL-2026/000123"). Returns the
 * problems found, none when valid.
 */
export function checkFeeAndReceipt(feeVnd: number, receiptNumber: string | null): FeeProblem[] {
  const problems: FeeProblem[] = [];
  if (!Number.isInteger(feeVnd)) problems.push('fee_not_whole');
  else if (feeVnd < 0) problems.push('fee_negative');
  else if (feeVnd > FEE_MAX_VND) problems.push('fee_too_large');
  const receipt = receiptNumber?.trim() ?? '';
  if (receipt === '') {
    if (feeVnd > 0) problems.push('receipt_missing');
  } else if (!/^[A-Za-z0-9][A-Za-z0-9/.-]{2,39}$/.test(receipt)) problems.push('receipt_malformed');
  return problems;
}

/** Elapsed time from the case's first message to the visit's completion (never negative). */
export function visitElapsedMs(firstMessageAt: Date, completedAt: Date): number {
  return Math.max(0, completedAt.getTime() - firstMessageAt.getTime());
}

/** Nearest-rank percentile (p in 0..100) of an ascending list; null when empty. */
export function percentile(sortedAsc: readonly number[], p: number): number | null {
  if (sortedAsc.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAsc.length));
  return sortedAsc[rank - 1] ?? null;
}

export type ElapsedSummary = { count: number; medianMs: number | null; p90Ms: number | null };

/** Count, median and 90th percentile of elapsed times (any order). */
export function summarizeElapsed(elapsedMs: readonly number[]): ElapsedSummary {
  const sorted = [...elapsedMs].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: percentile(sorted, 50), p90Ms: percentile(sorted, 90) };
}
