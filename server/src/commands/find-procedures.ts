import { anyWordTsQuery, foldForSearch, isProcedureCode, searchVariants } from '../domain/procedure/search-terms.ts';
import type { Queryable } from '../db/client.ts';
import { findProcedure, listProcedures, listProcedureSynonyms, searchProcedures, type ProcedureSummary } from '../db/repositories/procedures.repo.ts';

const RESULT_LIMIT = 20;

/**
 * Procedures for a citizen's query, best first: diacritics and case ignored, typos tolerated, everyday words
 * rewritten by the synonym list. An empty query lists the whole catalogue; a procedure code finds that one.
 */
export async function findProcedures(db: Queryable, query: string | undefined): Promise<ProcedureSummary[]> {
  const folded = foldForSearch(query ?? '');
  if (!folded) return listProcedures(db);
  if (isProcedureCode(folded)) {
    const found = await findProcedure(db, folded);
    return found ? [found] : [];
  }
  const variants = searchVariants(folded, await listProcedureSynonyms(db));
  return searchProcedures(db, variants, variants.map(anyWordTsQuery), RESULT_LIMIT);
}
