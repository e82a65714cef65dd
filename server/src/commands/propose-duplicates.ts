import type { Queryable } from '../db/client.ts';
import { findDuplicateCandidates, insertDuplicateProposals } from '../db/repositories/duplicates.repo.ts';
import { scoreDuplicate } from '../domain/duplicates/score-duplicate.ts';

const WINDOW_MS = 7 * 24 * 3_600_000;

/**
 * For a new report, proposes the open reports of the same unit it probably duplicates (stored for officers to
 * merge or dismiss). Runs inside the intake transaction; returns how many were proposed.
 */
export async function proposeDuplicates(
  tx: Queryable,
  c: { caseId: string; unitId: string; text: string; category: string | null; street: string | null; location: { lat: number; lng: number } | null; at: Date },
): Promise<number> {
  const candidates = await findDuplicateCandidates(tx, { caseId: c.caseId, unitId: c.unitId, text: c.text, since: new Date(c.at.getTime() - WINDOW_MS), location: c.location, street: c.street });
  const proposals: { candidateId: string; score: number; reasons: unknown }[] = [];
  for (const cand of candidates) {
    const s = scoreDuplicate({
      textSimilarity: cand.similarity,
      distanceM: cand.distanceM,
      sameCategory: c.category !== null && cand.category === c.category,
      sameStreet: c.street !== null && cand.street === c.street,
      hoursApart: (c.at.getTime() - cand.createdAt.getTime()) / 3_600_000,
    });
    if (s.propose) proposals.push({ candidateId: cand.id, score: s.score, reasons: s.reasons });
  }
  await insertDuplicateProposals(tx, c.caseId, c.at, proposals);
  return proposals.length;
}
