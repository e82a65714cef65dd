import { findChannelStats, listChannelAccounts, type ChannelHealth, type ChannelStats } from '../db/repositories/channel-accounts.repo.ts';
import type { CommandContext } from './context.ts';

export type ChannelAccountView = {
  channel: string;
  accountId: string;
  name: string | null;
  unitCode: string;
  unitName: string;
  unitPath: string;
  health: ChannelHealth;
  healthReason: string | null;
  accessTokenExpiresAt: Date | null;
  /** The token expires within 24 h, or already did: someone should look. */
  tokenExpiresSoon: boolean;
} & ChannelStats;

/** Every connected account with its health: last event, token expiry, held and failed messages, followers. */
export async function listChannelAccountViews(ctx: Pick<CommandContext, 'db' | 'clock'>): Promise<ChannelAccountView[]> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const rows = await listChannelAccounts(ctx.db);
  return Promise.all(
    rows.map(async (r) => {
      const stats = await findChannelStats(ctx.db, r.channel, r.accountId, since);
      return {
        channel: r.channel,
        accountId: r.accountId,
        name: r.name,
        unitCode: r.unitCode,
        unitName: r.unitName,
        unitPath: r.unitPath,
        health: r.health,
        healthReason: r.healthReason,
        accessTokenExpiresAt: r.accessTokenExpiresAt,
        tokenExpiresSoon: r.accessTokenExpiresAt !== null && r.accessTokenExpiresAt.getTime() - now.getTime() < 24 * 3_600_000,
        ...stats,
      };
    }),
  );
}
