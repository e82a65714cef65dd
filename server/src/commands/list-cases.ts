import type { CaseSummary, CaseListQuery } from '../../../contracts/api.ts';
import type { CaseStatus } from '../../../contracts/enums.ts';
import { listCases, type CaseListRow } from '../db/repositories/cases.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { isPathInScope } from '../domain/access/permissions.ts';
import { AppError } from '../lib/app-error.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';

const OPEN: CaseStatus[] = ['new', 'assigned', 'in_progress', 'waiting_citizen'];
const CLOSED: CaseStatus[] = ['resolved', 'closed', 'rejected'];

/** One page of the inbox for a staff member, newest first or by deadline, limited to their unit subtree. */
export async function listCasesForStaff(
  ctx: Pick<CommandContext, 'db' | 'clock'>,
  actor: StaffRow,
  query: CaseListQuery,
): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
  requireAction(actor, 'case.read');
  let unitId: string | undefined;
  if (query.unitCode) {
    const unit = await findUnitByCode(ctx.db, query.unitCode);
    if (!unit || !isPathInScope(actor.unitPath, unit.path)) throw new AppError('UNIT_NOT_FOUND');
    unitId = unit.id;
  }
  const statuses = query.status
    ? [query.status]
    : query.view === 'open' || query.view === 'unassigned' || query.view === 'triage' || query.view === 'urgent' || query.view === 'due_soon' || query.view === 'overdue'
      ? OPEN
      : query.view === 'closed'
        ? CLOSED
        : undefined;
  const rows = await listCases(ctx.db, {
    scopePath: actor.unitPath,
    unitId,
    assigneeId: query.view === 'mine' ? actor.id : undefined,
    unassignedOnly: query.view === 'unassigned',
    needsTriageOnly: query.view === 'triage',
    urgentOnly: query.view === 'urgent',
    deadline: query.view === 'due_soon' || query.view === 'overdue' ? { kind: query.view, now: ctx.clock.now() } : undefined,
    incomingOnly: query.view === 'incoming',
    statuses,
    type: query.type,
    category: query.category,
    search: query.q || undefined,
    sort: query.sort,
    ...(query.sort === 'due' ? { afterDue: decodeDueCursor(query.cursor) } : { before: decodeCursor(query.cursor) }),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? (query.sort === 'due' ? encodeDueCursor(last) : encodeCursor(last)) : null;
  return { items: page.map(toSummary), nextCursor };
}

export function toSummary(r: CaseListRow): CaseSummary {
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    type: r.type,
    status: r.status,
    channel: r.channel,
    unit: { code: r.unitCode, name: r.unitFullName },
    assignee: r.assigneeId && r.assigneeName ? { id: r.assigneeId, name: r.assigneeName } : null,
    citizenName: r.citizenName,
    isUrgent: r.isUrgent,
    needsTriage: r.needsTriage,
    excerpt: r.description.length > 160 ? `${r.description.slice(0, 157)}…` : r.description,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    dueAt: r.dueAt ? r.dueAt.toISOString() : null,
  };
}

function encodeCursor(r: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([r.createdAt.toISOString(), r.id])).toString('base64url');
}

// Deadline-order cursors are tagged, so a cursor of the other order is refused instead of misread.
function encodeDueCursor(r: { dueAt: Date | null; id: string }): string {
  return Buffer.from(JSON.stringify(['due', r.dueAt ? r.dueAt.toISOString() : null, r.id])).toString('base64url');
}

function decodeDueCursor(cursor: string | undefined): { dueAt: Date | null; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [tag, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string | null, string];
    const dueAt = at === null ? null : new Date(at);
    if (tag !== 'due' || (dueAt && Number.isNaN(dueAt.getTime())) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { dueAt, id };
  } catch {
    throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
  }
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
  }
}
