import type { Queryable } from '../db/client.ts';
import { findProcedure, type Procedure } from '../db/repositories/procedures.repo.ts';
import { AppError } from '../lib/app-error.ts';

/** One procedure with its documents, fees, time, legal basis and where to go. Throws NOT_FOUND. */
export async function getProcedure(db: Queryable, code: string): Promise<Procedure> {
  const found = await findProcedure(db, code);
  if (!found) throw new AppError('NOT_FOUND', { code });
  return found;
}
