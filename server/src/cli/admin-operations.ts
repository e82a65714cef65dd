import { z } from 'zod';
import { STAFF_ROLES } from '../../../contracts/enums.ts';
import type { CommandContext } from '../commands/context.ts';
import { createStaffUser } from '../commands/create-staff-user.ts';

/**
 * Administrative operations the CLI runs against the product database. The same functions run either in the
 * CLI process (PostgreSQL, or an embedded database no server holds) or inside the running server, reached
 * through its control socket, because two processes must never open one embedded data directory.
 * Each returns the lines to print.
 */
export const ADMIN_OPERATIONS = {
  'user.add': {
    args: z.object({
      email: z.string().email(),
      name: z.string().min(1).max(120),
      role: z.enum(STAFF_ROLES),
      unit: z.string().min(1),
      password: z.string().optional(),
    }),
    run: async (ctx: CommandContext, a: { email: string; name: string; role: (typeof STAFF_ROLES)[number]; unit: string; password?: string | undefined }) => {
      const created = await createStaffUser(ctx, { email: a.email, name: a.name, role: a.role, unitCode: a.unit, password: a.password });
      const lines = [`created staff user ${a.email} (${a.role}, unit ${a.unit}) id ${created.id}`];
      if (created.generated) lines.push(`password: ${created.password}`);
      return lines;
    },
  },
} as const;

export type AdminOperationName = keyof typeof ADMIN_OPERATIONS;

export async function runAdminOperation(ctx: CommandContext, name: string, rawArgs: unknown): Promise<string[]> {
  const op = ADMIN_OPERATIONS[name as AdminOperationName];
  if (!op) throw new Error(`unknown operation ${name}`);
  const parsed = op.args.safeParse(rawArgs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid --${String(issue?.path[0])}: ${issue?.message}`);
  }
  return op.run(ctx, parsed.data);
}
