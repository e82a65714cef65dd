import { listAuditRowsAfter } from '../db/repositories/audit.repo.ts';
import { findChainBreak, GENESIS_HASH, type ChainBreak } from '../domain/audit/audit-chain.ts';
import type { CommandContext } from './context.ts';
import { sealAllAudit } from './seal-audit-log.ts';

const PAGE = 2000;

/**
 * Seals the committed entries not yet linked, then recomputes the whole audit chain in seq order. Returns how
 * many rows were checked and the first broken link.
 */
export async function verifyAuditChain(ctx: Pick<CommandContext, 'db'>): Promise<{ checked: number; lastSeq: number; firstBreak: ChainBreak | null }> {
  await sealAllAudit(ctx.db);
  let after = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await listAuditRowsAfter(ctx.db, after.seq, PAGE);
    const firstBreak = findChainBreak(rows, after);
    if (firstBreak) return { checked: checked + rows.findIndex((r) => r.seq === firstBreak.seq), lastSeq: after.seq, firstBreak };
    checked += rows.length;
    const last = rows.at(-1);
    if (!last) return { checked, lastSeq: after.seq, firstBreak: null };
    after = { seq: last.seq, hash: last.hash };
  }
}
