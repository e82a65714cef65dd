import { z } from 'zod';
import { STAFF_ROLES } from '../../../contracts/enums.ts';
import { addApiKey } from '../commands/add-api-key.ts';
import { addChannelAccount } from '../commands/add-channel-account.ts';
import type { CommandContext } from '../commands/context.ts';
import { createStaffUser } from '../commands/create-staff-user.ts';
import { AUDIT_OPERATIONS } from './audit-operations.ts';
import { CALENDAR_OPERATIONS } from './calendar-operations.ts';
import { listChannelAccountViews } from '../commands/list-channel-accounts.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import { listTriageLabels } from '../db/repositories/routing.repo.ts';

/** What an administrative operation may use: the command context plus the credentials box. */
export type AdminContext = CommandContext & { box: SecretBox; onChannelsChanged?: () => void };

/**
 * Administrative operations the CLI runs against the product database. The same functions run either in the
 * CLI process (PostgreSQL, or an embedded database no server holds) or inside the running server, reached
 * through its control socket, because two processes must never open one embedded data directory.
 * Each returns the lines to print.
 */
export const ADMIN_OPERATIONS = {
  ...CALENDAR_OPERATIONS,
  ...AUDIT_OPERATIONS,
  'user.add': {
    args: z.object({
      email: z.string().email(),
      name: z.string().min(1).max(120),
      role: z.enum(STAFF_ROLES),
      unit: z.string().min(1),
      password: z.string().optional(),
    }),
    run: async (ctx: AdminContext, a: { email: string; name: string; role: (typeof STAFF_ROLES)[number]; unit: string; password?: string | undefined }) => {
      const created = await createStaffUser(ctx, { email: a.email, name: a.name, role: a.role, unitCode: a.unit, password: a.password });
      const lines = [`created staff user ${a.email} (${a.role}, unit ${a.unit}) id ${created.id}`];
      if (created.generated) lines.push(`password: ${created.password}`);
      return lines;
    },
  },
  'channel.add': {
    args: z.object({
      channel: z.enum(['facebook', 'zalo']),
      unit: z.string().min(1),
      name: z.string().max(200).optional(),
      config: z.record(z.string(), z.string()),
    }),
    run: async (ctx: AdminContext, a: { channel: 'facebook' | 'zalo'; unit: string; name?: string | undefined; config: Record<string, string> }) => {
      const r = await addChannelAccount(ctx, { channel: a.channel, unitCode: a.unit, name: a.name, config: a.config });
      ctx.onChannelsChanged?.();
      return [`${r.created ? 'connected' : 'updated'} ${a.channel} ${r.accountId} to unit ${a.unit} (credentials stored encrypted)`];
    },
  },
  'apikey.add': {
    args: z.object({ name: z.string().trim().min(1).max(200), unit: z.string().min(1).optional() }),
    run: async (ctx: AdminContext, a: { name: string; unit?: string | undefined }) => {
      const created = await addApiKey(ctx, { name: a.name, unitCode: a.unit });
      return [`created API key "${a.name}" (unit ${a.unit ?? 'city'}) id ${created.id}`, `key: ${created.key}`, 'the key is shown only now; store it safely'];
    },
  },
  'triage.labels': {
    args: z.object({}),
    // One JSON object per line, in the corpus line format, for `gandan triage train --from-database`.
    run: async (ctx: AdminContext) =>
      (await listTriageLabels(ctx.db)).map((l) => JSON.stringify({ id: `label-${l.id}`, text: l.text, type: l.type, category: l.category, procedure: l.procedure, urgent: l.urgent })),
  },
  'channel.list': {
    args: z.object({}),
    run: async (ctx: AdminContext) => {
      const views = await listChannelAccountViews(ctx);
      if (views.length === 0) return ['no channels connected (gandan channel add facebook|zalo …)'];
      return views.map((v) =>
        [
          v.channel,
          v.accountId,
          `unit ${v.unitCode}`,
          v.health + (v.healthReason ? ` (${v.healthReason})` : ''),
          `last event ${v.lastEventAt?.toISOString() ?? 'never'}`,
          `token ${v.accessTokenExpiresAt ? `expires ${v.accessTokenExpiresAt.toISOString()}${v.tokenExpiresSoon ? ' SOON' : ''}` : 'expiry unknown'}`,
          `held ${v.held}`,
          `dead ${v.dead}`,
          `sent 24h ${v.sent24h}`,
          `followers ${v.followers}`,
        ].join('\t'),
      );
    },
  },
} as const;

export type AdminOperationName = keyof typeof ADMIN_OPERATIONS;

export async function runAdminOperation(ctx: AdminContext, name: string, rawArgs: unknown): Promise<string[]> {
  const op = ADMIN_OPERATIONS[name as AdminOperationName];
  if (!op) throw new Error(`unknown operation ${name}`);
  const parsed = op.args.safeParse(rawArgs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid --${String(issue?.path[0])}: ${issue?.message}`);
  }
  return (op.run as (c: AdminContext, a: unknown) => Promise<string[]>)(ctx, parsed.data);
}
