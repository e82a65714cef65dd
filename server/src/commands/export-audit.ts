import type { ReportPeriodQuery } from '../../../contracts/api.ts';
import { listAuditRowsInScope } from '../db/repositories/audit.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { parseReportInstant } from './report-period.ts';
import { sealAllAudit } from './seal-audit-log.ts';

const PAGE = 1000;

/**
 * The audit rows of cases in the actor's scope in [from, to) (either end optional), as JSON Lines in chain order,
 * each with its seq, prev_hash and hash so a reader can recompute every row's hash. Throws FORBIDDEN.
 */
export function exportAudit(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, query: ReportPeriodQuery): AsyncGenerator<string> {
  requireAction(actor, 'audit.export');
  return auditLines(ctx, actor, query);
}

async function* auditLines(ctx: Pick<CommandContext, 'db'>, actor: StaffRow, query: ReportPeriodQuery): AsyncGenerator<string> {
  const from = query.from ? parseReportInstant(query.from, 'from') : undefined;
  const to = query.to ? parseReportInstant(query.to, 'to') : undefined;
  // Every committed change is in the export: link what the worker has not sealed yet.
  await sealAllAudit(ctx.db);
  let afterSeq = 0;
  for (;;) {
    const rows = await listAuditRowsInScope(ctx.db, { scopePath: actor.unitPath, from, to, afterSeq, limit: PAGE });
    for (const r of rows) {
      yield `${JSON.stringify({ seq: r.seq, caseId: r.caseId, at: r.at.toISOString(), actor: r.actor, action: r.action, payload: r.payload, prevHash: r.prevHash, hash: r.hash })}\n`;
    }
    if (rows.length < PAGE) return;
    afterSeq = rows.at(-1)!.seq;
  }
}
