import { deleteSession } from '../db/repositories/sessions.repo.ts';
import { hashToken } from '../lib/token-hash.ts';
import type { CommandContext } from './context.ts';

export async function logOut(ctx: Pick<CommandContext, 'db'>, token: string): Promise<void> {
  await deleteSession(ctx.db, hashToken(token));
}
