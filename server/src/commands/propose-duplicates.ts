import type { Queryable } from '../db/client.ts';
import { findDuplicateCandidates } from '../db/repositories/duplicates.repo.ts';
import { scoreDuplicate } from '../domain/duplicates/score-duplicate.ts';

const WINDOW_MS = 7 * 24 * 3_600_000;

export type DuplicateProposal = { candidateId: string; score: number; reasons: unknown };

/**
 * For a new report (about to be inserted by intake, in the same transaction), the open reports of the same unit
 * it probably duplicates: intake stores them with the case for officers to merge or dismiss.
 */
export async function findDuplicateProposals(
  tx: Queryable,
  c: { unitId: string; text: string; category: string | null; street: string | null; location: { lat: number; lng: number } | null; at: Date },
): Promise<DuplicateProposal[]> {
  const candidates = await findDuplicateCandidates(tx, { unitId: c.unitId, text: c.text, since: new Date(c.at.getTime() - WINDOW_MS), location: c.location, street: c.street });
  const proposals: DuplicateProposal[] = [];
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
  return proposals;
}
