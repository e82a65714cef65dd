import { listAllRoutingRules, setRoutingPriorities } from '../db/repositories/routing-rules.repo.ts';
import { bumpSettingsVersion } from '../db/repositories/settings.repo.ts';
import type { StaffRow } from '../db/repositories/staff.repo.ts';
import { AppError } from '../lib/app-error.ts';
import { requireAction, requireCityScope } from './authorize.ts';
import type { CommandContext } from './context.ts';
import { auditRuleChange } from './save-routing-rule.ts';

const PRIORITY_STEP = 10;

/**
 * Puts the routing rules in the given order (first = tried first): priorities become 10, 20, 30 … City
 * administrators only; audited with the order before and after. `ids` must name every rule exactly once.
 * Returns the new rules version. Throws FORBIDDEN, VALIDATION_FAILED (ids not the current set) or SETTINGS_CHANGED.
 */
export async function reorderRoutingRules(
  ctx: CommandContext,
  actor: StaffRow,
  input: { version: number; ids: readonly string[] },
): Promise<{ version: number }> {
  requireAction(actor, 'routing.edit');
  requireCityScope(actor);
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const version = await bumpSettingsVersion(tx, 'routing_rules', input.version);
    if (version === undefined) throw new AppError('SETTINGS_CHANGED');
    const rules = await listAllRoutingRules(tx);
    const current = new Set(rules.map((r) => r.id));
    if (
      input.ids.length !== current.size ||
      new Set(input.ids).size !== input.ids.length ||
      !input.ids.every((id) => current.has(id))
    ) {
      throw new AppError('VALIDATION_FAILED', { field: 'ids' });
    }
    const priorities = input.ids.map((id, i) => ({ id, priority: (i + 1) * PRIORITY_STEP }));
    await setRoutingPriorities(tx, priorities, actor.id, at);
    await auditRuleChange(tx, actor, at, 'routing_rule.reordered', {
      before: rules.map((r) => ({ id: r.id, priority: r.priority })),
      after: priorities,
    });
    return { version };
  });
}
