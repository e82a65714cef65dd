import type { Command } from 'commander';
import { runAgainstDatabase } from './with-database.ts';

/** `gandan channel add facebook|zalo …` and `gandan channel list` (CONTRACTS §2). */
export function registerChannelCommand(program: Command): void {
  const channel = program.command('channel').description('connect Facebook Pages and Zalo OAs, and see their health');
  const add = channel.command('add').description('connect a provider account to a unit (credentials are stored encrypted)');
  add
    .command('facebook')
    .description('connect a Facebook Page')
    .requiredOption('--page-id <id>', 'the Page id')
    .requiredOption('--page-token <token>', 'a Page access token')
    .requiredOption('--app-secret <secret>', "the Meta app's secret (checks X-Hub-Signature-256)")
    .requiredOption('--verify-token <token>', 'the verify token entered in the webhook settings')
    .requiredOption('--unit <code>', 'the unit that answers on this Page')
    .option('--name <name>', 'a display name')
    .action(async (o: { pageId: string; pageToken: string; appSecret: string; verifyToken: string; unit: string; name?: string }) => {
      const config = { pageId: o.pageId, pageToken: o.pageToken, appSecret: o.appSecret, verifyToken: o.verifyToken };
      for (const line of await runAgainstDatabase('channel.add', { channel: 'facebook', unit: o.unit, name: o.name, config })) process.stdout.write(`${line}\n`);
    });
  add
    .command('zalo')
    .description('connect a Zalo Official Account')
    .requiredOption('--oa-id <id>', 'the OA id')
    .requiredOption('--app-id <id>', 'the Zalo app id')
    .requiredOption('--oa-secret-key <key>', "the OA secret key (checks X-ZEvent-Signature)")
    .requiredOption('--access-token <token>', 'the OA access token')
    .requiredOption('--refresh-token <token>', 'the OA refresh token (single use; Gần Dân renews it)')
    .requiredOption('--app-secret <secret>', "the app's secret key (OAuth token refresh)")
    .requiredOption('--unit <code>', 'the unit that answers on this OA')
    .option('--name <name>', 'a display name')
    .action(async (o: { oaId: string; appId: string; oaSecretKey: string; accessToken: string; refreshToken: string; appSecret: string; unit: string; name?: string }) => {
      const config = { oaId: o.oaId, appId: o.appId, oaSecretKey: o.oaSecretKey, accessToken: o.accessToken, refreshToken: o.refreshToken, appSecret: o.appSecret };
      for (const line of await runAgainstDatabase('channel.add', { channel: 'zalo', unit: o.unit, name: o.name, config })) process.stdout.write(`${line}\n`);
    });
  channel
    .command('list')
    .description('one line per channel: kind, id, unit, health, last event, token expiry, held/dead messages, followers')
    .action(async () => {
      for (const line of await runAgainstDatabase('channel.list', {})) process.stdout.write(`${line}\n`);
    });
}
