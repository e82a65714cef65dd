import type { Queryable } from '../client.ts';

/** Stores a rating; false when this resolution was already rated. */
export async function insertCaseRating(q: Queryable, r: { caseId: string; score: number; comment: string | null; resolvedAt: Date; at: Date }): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO case_ratings (case_id, score, comment, resolved_at, rated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (case_id, resolved_at) DO NOTHING RETURNING id`,
    [r.caseId, r.score, r.comment, r.resolvedAt, r.at],
  );
  return rows.length === 1;
}

/** The latest rating of a case, if any. */
export async function findLatestRating(q: Queryable, caseId: string): Promise<{ score: number; comment: string | null; ratedAt: Date; resolvedAt: Date } | undefined> {
  const rows = await q.query<{ score: number; comment: string | null; rated_at: Date; resolved_at: Date }>(
    'SELECT score, comment, rated_at, resolved_at FROM case_ratings WHERE case_id = $1 ORDER BY rated_at DESC LIMIT 1',
    [caseId],
  );
  return rows[0] ? { score: rows[0].score, comment: rows[0].comment, ratedAt: rows[0].rated_at, resolvedAt: rows[0].resolved_at } : undefined;
}
