import type { SettingsChange } from '../../../contracts/api.ts';
import { listSettingsChanges } from '../db/repositories/settings.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { requireAction } from './authorize.ts';
import type { CommandContext } from './context.ts';

const ACTIONS = { routing: ['routing_rule'], calendar: ['calendar'] } as const;
const LIMIT = 50;

/** The latest changes to the routing rules or to the calendar and working hours, from the audit log, newest first. */
export async function listSettingsChangesForStaff(
  ctx: CommandContext,
  actor: StaffRow,
  area: keyof typeof ACTIONS,
): Promise<SettingsChange[]> {
  requireAction(actor, 'case.read');
  const rows = await listSettingsChanges(ctx.db, ACTIONS[area], LIMIT);
  return rows.map((r) => ({ seq: r.seq, at: r.at.toISOString(), actorName: r.actorName, action: r.action, payload: r.payload }));
}
