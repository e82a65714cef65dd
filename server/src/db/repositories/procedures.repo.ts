import type { NeedsCheck } from '../../domain/procedure/fact-checks.ts';
import type { Synonym } from '../../domain/procedure/search-terms.ts';
import type { Queryable } from '../client.ts';

export type ProcessingTime = { text: string; working_days?: number | null; [key: string]: unknown };
export type ProcedureFee = { text: string; amount_vnd?: number | null; [key: string]: unknown };

export type ProcedureSummary = {
  code: string;
  name: string;
  shortName: string;
  field: string;
  hasDetails: boolean;
  processingTime: ProcessingTime | null;
  needsCheck: NeedsCheck;
};

export type Procedure = ProcedureSummary & {
  level: string;
  agency: string | null;
  fees: ProcedureFee[];
  documents: string[];
  result: string | null;
  legalBasis: string[];
  notes: string[];
  sources: string[];
};

type Row = {
  code: string;
  name: string;
  short_name: string;
  field: string;
  level: string;
  has_details: boolean;
  agency: string | null;
  processing_time: ProcessingTime | null;
  fees: ProcedureFee[];
  documents: string[];
  result: string | null;
  legal_basis: string[];
  notes: string[];
  sources: string[];
  needs_check: NeedsCheck;
};

const summaryOf = (r: Row): ProcedureSummary => ({
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  field: r.field,
  hasDetails: r.has_details,
  processingTime: r.processing_time,
  needsCheck: r.needs_check,
});

/**
 * Ranks procedures against folded query variants (the query and its synonym rewrites): trigram word similarity
 * with the folded names (typos), similarity with the short name (prefers the plain procedure over its
 * variants), and full-text rank over names, field, result and notes. The best variant counts. Procedures
 * known only by name rank a little lower; results far below the best one are dropped.
 */
const SEARCH_SQL = `
WITH v AS (
  SELECT f_unaccent(lower(x.t)) AS q, to_tsquery('simple', x.tq) AS tsq
  FROM unnest($1::text[], $2::text[]) AS x(t, tq)
), scored AS (
  SELECT p.code,
         max((word_similarity(v.q, p.search_name)
              + 0.5 * similarity(v.q, f_unaccent(lower(p.short_name)))
              + 0.3 * ts_rank(p.search_vector, v.tsq))
             * CASE WHEN p.has_details THEN 1 ELSE 0.85 END) AS score
  FROM procedures p CROSS JOIN v
  WHERE word_similarity(v.q, p.search_name) >= 0.35 OR p.search_vector @@ v.tsq
  GROUP BY p.code
)
SELECT p.*, s.score FROM scored s JOIN procedures p ON p.code = s.code
WHERE s.score >= greatest(0.3, 0.6 * (SELECT max(score) FROM scored))
ORDER BY s.score DESC, p.has_details DESC, p.code
LIMIT $3`;

/** Procedures matching any of the folded variants, best first (see SEARCH_SQL). */
export async function searchProcedures(db: Queryable, variants: readonly string[], tsQueries: readonly string[], limit: number): Promise<ProcedureSummary[]> {
  const rows = await db.query<Row>(SEARCH_SQL, [variants, tsQueries, limit]);
  return rows.map(summaryOf);
}

/** Every procedure, by field then name (the page before the citizen types anything). */
export async function listProcedures(db: Queryable): Promise<ProcedureSummary[]> {
  const rows = await db.query<Row>('SELECT * FROM procedures ORDER BY has_details DESC, field, short_name');
  return rows.map(summaryOf);
}

export async function findProcedure(db: Queryable, code: string): Promise<Procedure | undefined> {
  const [r] = await db.query<Row>('SELECT * FROM procedures WHERE code = $1', [code]);
  if (!r) return undefined;
  return {
    ...summaryOf(r),
    level: r.level,
    agency: r.agency,
    fees: r.fees,
    documents: r.documents,
    result: r.result,
    legalBasis: r.legal_basis,
    notes: r.notes,
    sources: r.sources,
  };
}

export async function listProcedureSynonyms(db: Queryable): Promise<Synonym[]> {
  return db.query<Synonym>('SELECT phrase, means FROM procedure_synonyms ORDER BY phrase');
}
