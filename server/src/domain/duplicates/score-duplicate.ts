/** Whether a new report is probably about the same thing as an open case (issue 4 §6). Pure. */

export type DuplicateEvidence = {
  /** pg_trgm similarity of the accent-folded texts, 0..1. */
  textSimilarity: number;
  /** Metres between the two map points, when both have one. */
  distanceM: number | null;
  sameCategory: boolean;
  /** Both name the same street (from the first pass). */
  sameStreet: boolean;
  hoursApart: number;
};

export type DuplicateScore = { score: number; propose: boolean; reasons: { vi: string; en: string }[] };

export const PROPOSE_AT = 0.55;

/**
 * Weighs the evidence: similar words count most; being within a few hundred metres or on the same street
 * confirms; a different category or a week's gap weakens. Proposals only — an officer decides.
 */
export function scoreDuplicate(e: DuplicateEvidence): DuplicateScore {
  const reasons: { vi: string; en: string }[] = [];
  let score = Math.min(1, e.textSimilarity * 1.2);
  const pct = Math.round(e.textSimilarity * 100);
  reasons.push({ vi: `Nội dung giống ${pct}%`, en: `Text ${pct}% alike` });
  if (e.distanceM !== null) {
    const m = Math.round(e.distanceM);
    if (e.distanceM <= 150) {
      score += 0.35;
      reasons.push({ vi: `Cách nhau ${m} m`, en: `${m} m apart` });
    } else if (e.distanceM <= 400) {
      score += 0.15;
      reasons.push({ vi: `Cách nhau ${m} m`, en: `${m} m apart` });
    } else {
      score -= 0.3;
      reasons.push({ vi: `Cách xa nhau (${m} m)`, en: `Far apart (${m} m)` });
    }
  }
  if (e.sameStreet) {
    score += 0.2;
    reasons.push({ vi: 'Cùng tên đường', en: 'Same street' });
  }
  if (e.sameCategory) {
    score += 0.1;
    reasons.push({ vi: 'Cùng lĩnh vực', en: 'Same category' });
  } else {
    score -= 0.2;
  }
  if (e.hoursApart > 72) score -= 0.1;
  const bounded = Math.max(0, Math.min(1, score));
  return { score: Math.round(bounded * 100) / 100, propose: bounded >= PROPOSE_AT, reasons };
}
