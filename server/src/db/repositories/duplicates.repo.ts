import type { Queryable } from '../client.ts';

export type DuplicateCandidate = {
  id: string;
  trackingCode: string;
  category: string | null;
  street: string | null;
  createdAt: Date;
  similarity: number;
  distanceM: number | null;
};

const OPEN_STATUSES = ['new', 'assigned', 'in_progress', 'waiting_citizen'] as const;

/** How many of the unit's most recent open reports a new one is compared with. */
const CANDIDATE_POOL = 100;

/** The unit's newest open reports of one status, read in order from (unit_id, status, created_at DESC). */
const newestOpenOfStatus = (status: (typeof OPEN_STATUSES)[number]) =>
  `(SELECT id, tracking_code, category, triage->'place'->>'street' AS street, created_at, description_folded, description_trgm, location_lat, location_lng FROM cases
     WHERE unit_id = $1 AND status = '${status}' AND created_at >= $3 AND type = 'phan_anh' AND merged_into_id IS NULL
     ORDER BY created_at DESC LIMIT ${CANDIDATE_POOL})`;

/**
 * Open reports of the same unit from the last days that look like the new one: similar words (pg_trgm), a map
 * point within ~400 m, or the same street. Only the unit's 100 most recent open reports are compared, so the
 * cost per intake stays bounded however busy the unit is (a ward sees tens of reports a day).
 *
 * Cost, which every new report pays: the pool is read newest first per open status from the (unit, status,
 * created_at) index and merged (reading every open report of the unit and sorting them grew with the unit's
 * backlog), the new text is folded and split into trigrams once, and each candidate's trigrams are read from the
 * signature stored at its intake (migration 0150: 2 µs per pair instead of 20 µs for similarity(), which only
 * cases without a signature still use).
 */
export async function findDuplicateCandidates(
  q: Queryable,
  c: { unitId: string; text: string; since: Date; location: { lat: number; lng: number } | null; street: string | null },
): Promise<DuplicateCandidate[]> {
  const rows = await q.query<{ id: string; tracking_code: string; category: string | null; street: string | null; created_at: Date; sim: number; distance_m: number | null }>(
    // The scalar subqueries fold the new text and take its trigrams once (InitPlans); OFFSET 0 keeps the planner
    // from inlining `sim` into the filter and the sort, which computed it twice per candidate. With signatures,
    // similarity() is |A ∩ B| / (|A| + |B| − |A ∩ B|) over the trigram sets (migration 0150).
    `SELECT c.id, c.tracking_code, c.category, c.street, c.created_at, c.sim,
            CASE WHEN c.location_lat IS NOT NULL AND $4::float8 IS NOT NULL
                 THEN 111320 * sqrt(power(c.location_lat - $4::float8, 2) + power(cos(radians($4::float8)) * (c.location_lng - $5::float8), 2)) END AS distance_m
       FROM (SELECT p.id, p.tracking_code, p.category, p.street, p.created_at, p.location_lat, p.location_lng,
                    CASE WHEN p.description_trgm IS NULL THEN similarity(p.description_folded, (SELECT f_unaccent(lower($2))))
                         ELSE coalesce(z.shared::float4 / nullif(icount(p.description_trgm) + (SELECT icount(trgm_signature(f_unaccent(lower($2))))) - z.shared, 0), 0) END AS sim
               FROM (SELECT * FROM (${OPEN_STATUSES.map(newestOpenOfStatus).join('\n UNION ALL ')}) o
                      ORDER BY created_at DESC LIMIT ${CANDIDATE_POOL}) p,
                    LATERAL (SELECT icount(p.description_trgm & (SELECT trgm_signature(f_unaccent(lower($2))))) AS shared) z
             OFFSET 0) c
      WHERE (c.sim >= 0.3
             OR (c.location_lat IS NOT NULL AND $4::float8 IS NOT NULL AND abs(c.location_lat - $4::float8) < 0.004 AND abs(c.location_lng - $5::float8) < 0.004)
             OR ($6::text IS NOT NULL AND c.street = $6::text))
      ORDER BY c.sim DESC
      LIMIT 3`,
    [c.unitId, c.text, c.since, c.location?.lat ?? null, c.location?.lng ?? null, c.street],
    { name: 'duplicates.candidates-v6' },
  );
  return rows.map((r) => ({ id: r.id, trackingCode: r.tracking_code, category: r.category, street: r.street, createdAt: r.created_at, similarity: Number(r.sim), distanceM: r.distance_m === null ? null : Number(r.distance_m) }));
}

export type DuplicateProposalRow = { caseId: string; otherCaseId: string; otherTrackingCode: string; otherExcerpt: string; otherUnitPath: string; score: number; reasons: { vi: string; en: string }[]; status: string };

/** Proposals that involve a case, from either side (a newer report pointing at it, or it pointing at an older one). */
export async function listDuplicateProposals(q: Queryable, caseId: string): Promise<DuplicateProposalRow[]> {
  const rows = await q.query<{ case_id: string; other_id: string; other_code: string; other_text: string; other_unit_path: string; score: number; reasons: { vi: string; en: string }[]; status: string }>(
    `SELECT p.case_id, o.id AS other_id, o.tracking_code AS other_code, o.description AS other_text, ou.path AS other_unit_path, p.score, p.reasons, p.status
       FROM case_duplicate_proposals p
       JOIN cases o ON o.id = CASE WHEN p.case_id = $1 THEN p.candidate_case_id ELSE p.case_id END
       JOIN units ou ON ou.id = o.unit_id
      WHERE (p.case_id = $1 OR p.candidate_case_id = $1) AND p.status = 'proposed' AND o.merged_into_id IS NULL
      ORDER BY p.score DESC`,
    [caseId],
  );
  return rows.map((r) => ({ caseId: r.case_id, otherCaseId: r.other_id, otherTrackingCode: r.other_code, otherExcerpt: r.other_text.slice(0, 160), otherUnitPath: r.other_unit_path, score: Number(r.score), reasons: r.reasons, status: r.status }));
}

export async function decideDuplicateProposals(q: Queryable, a: string, b: string, status: 'merged' | 'dismissed', staffId: string, at: Date): Promise<number> {
  const rows = await q.query(
    `UPDATE case_duplicate_proposals SET status = $3, decided_by = $4, decided_at = $5
      WHERE ((case_id = $1 AND candidate_case_id = $2) OR (case_id = $2 AND candidate_case_id = $1)) AND status = 'proposed' RETURNING case_id`,
    [a, b, status, staffId, at],
  );
  return rows.length;
}

export async function recordMerge(q: Queryable, m: { mainCaseId: string; mergedCaseId: string; staffId: string; at: Date }): Promise<void> {
  await q.query('INSERT INTO case_merges (main_case_id, merged_case_id, merged_by, merged_at) VALUES ($1, $2, $3, $4)', [m.mainCaseId, m.mergedCaseId, m.staffId, m.at]);
  await q.query(
    `UPDATE cases SET merged_into_id = $1, status = 'closed', closed_at = $3, updated_at = $3 WHERE id = $2`,
    [m.mainCaseId, m.mergedCaseId, m.at],
  );
  // Cases merged earlier into the one now merged follow the new main case.
  await q.query('UPDATE case_merges SET main_case_id = $1 WHERE main_case_id = $2', [m.mainCaseId, m.mergedCaseId]);
  await q.query('UPDATE cases SET merged_into_id = $1 WHERE merged_into_id = $2', [m.mainCaseId, m.mergedCaseId]);
}

/** The cases merged into a main case: each reporter keeps receiving updates through their own case. */
export async function listMergedCaseIds(q: Queryable, mainCaseId: string): Promise<string[]> {
  return (await q.query<{ merged_case_id: string }>('SELECT merged_case_id FROM case_merges WHERE main_case_id = $1 ORDER BY merged_at', [mainCaseId])).map((r) => r.merged_case_id);
}
