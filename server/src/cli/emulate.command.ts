import { Argument, InvalidArgumentError, type Command } from 'commander';
import { startFacebookEmulator } from '../emulators/facebook/index.ts';
import { startZaloEmulator } from '../emulators/zalo/index.ts';

type EmulateOptions = {
  port: number;
  host: string;
  webhookUrl?: string;
  verify: boolean;
  // Facebook
  pageId: string;
  pageName: string;
  pageToken: string;
  appId?: string;
  appSecret?: string;
  verifyToken: string;
  // Zalo
  oaId: string;
  oaSecretKey: string;
  accessToken: string;
  refreshToken: string;
};

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be a port number (0–65535)');
  return port;
}

function parseUrl(value: string): string {
  try {
    return new URL(value).toString();
  } catch {
    throw new InvalidArgumentError('must be an absolute URL');
  }
}

/**
 * `gandan emulate facebook|zalo --port P`: a local stand-in for the provider (CONTRACTS §2). Prints the
 * credentials for `gandan channel add …` and the provider URL variables, then serves until interrupted.
 */
export function registerEmulateCommand(program: Command): void {
  program
    .command('emulate')
    .description('run a local stand-in for Facebook (Graph API + Messenger/Page webhooks) or Zalo OA, with a citizen page at /')
    .addArgument(new Argument('<provider>', 'which provider to emulate').choices(['facebook', 'zalo']))
    .requiredOption('--port <port>', 'port to listen on (0 = any free port)', parsePort)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--webhook-url <url>', 'where to send webhooks (default: http://localhost:3000/webhooks/<provider>)', parseUrl)
    .option('--no-verify', 'Facebook: skip the GET verification handshake at start')
    .option('--page-id <id>', 'Facebook Page id', '111111111111111')
    .option('--page-name <name>', 'Facebook Page name', 'UBND Phường Bến Thành')
    .option('--page-token <token>', 'Facebook Page access token', 'EAAdemoPageToken')
    .option('--app-id <id>', 'app id (Facebook default 1234567890123456; Zalo default 4100000000000000001)')
    .option('--app-secret <secret>', 'app secret (Facebook: signs webhooks; Zalo: secret_key of the token endpoint)')
    .option('--verify-token <token>', 'Facebook verify token', 'demo_verify_token')
    .option('--oa-id <id>', 'Zalo OA id', '1500000000000000004')
    .option('--oa-secret-key <key>', 'Zalo OA secret key (signs webhooks)', 'OA_SECRET_demo')
    .option('--access-token <token>', 'Zalo initial access token', 'at_demo_01')
    .option('--refresh-token <token>', 'Zalo initial refresh token', 'rt_demo_01')
    .action(async (provider: 'facebook' | 'zalo', opts: EmulateOptions) => {
      const webhookUrl = opts.webhookUrl ?? `http://localhost:3000/webhooks/${provider}`;
      const emulator = provider === 'facebook' ? await runFacebook(opts, webhookUrl) : await runZalo(opts, webhookUrl);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await emulator.close();
    });
}

async function runFacebook(opts: EmulateOptions, webhookUrl: string) {
  const appSecret = opts.appSecret ?? 'demo_app_secret';
  const fb = await startFacebookEmulator({
    port: opts.port, host: opts.host, webhookUrl, appId: opts.appId ?? '1234567890123456', appSecret, verifyToken: opts.verifyToken,
    pages: [{ id: opts.pageId, name: opts.pageName, accessToken: opts.pageToken }],
  });
  const out = [
    `Giả lập Facebook đang chạy tại ${fb.url} (Facebook emulator running)`,
    `  Trang người dân / citizen page: ${fb.url}/`,
    `  Webhook gửi tới / webhooks go to: ${webhookUrl}`,
    '',
    'Cho máy chủ Gần Dân dùng giả lập / point the server at it:',
    `  FACEBOOK_GRAPH_URL=${fb.url}`,
    '',
    'Kết nối kênh / add the channel:',
    `  gandan channel add facebook --page-id ${opts.pageId} --page-token ${opts.pageToken} --app-secret ${appSecret} --verify-token ${opts.verifyToken} --unit CODE`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  if (opts.verify) {
    const result = await fb.verifyWebhook();
    process.stdout.write(
      result.ok
        ? 'Xác minh webhook thành công (verification handshake passed)\n'
        : `Chưa xác minh được webhook (${result.error ?? `HTTP ${result.status}`}); thử lại từ trang giả lập khi máy chủ đã chạy\n`,
    );
  }
  return fb;
}

async function runZalo(opts: EmulateOptions, webhookUrl: string) {
  const appId = opts.appId ?? '4100000000000000001';
  const appSecretKey = opts.appSecret ?? 'APPSECRET_demo';
  const zalo = await startZaloEmulator({
    port: opts.port, host: opts.host, webhookUrl, appId, oaId: opts.oaId, oaSecretKey: opts.oaSecretKey, appSecretKey,
    accessToken: opts.accessToken, refreshToken: opts.refreshToken,
  });
  const out = [
    `Giả lập Zalo OA đang chạy tại ${zalo.url} (Zalo emulator running)`,
    `  Trang người dân / citizen page: ${zalo.url}/`,
    `  Webhook gửi tới / webhooks go to: ${webhookUrl}`,
    '',
    'Cho máy chủ Gần Dân dùng giả lập / point the server at it:',
    `  ZALO_OPENAPI_URL=${zalo.url} ZALO_OAUTH_URL=${zalo.url}`,
    '',
    'Kết nối kênh / add the channel:',
    `  gandan channel add zalo --oa-id ${opts.oaId} --app-id ${appId} --oa-secret-key ${opts.oaSecretKey} --access-token ${opts.accessToken} --refresh-token ${opts.refreshToken} --app-secret ${appSecretKey} --unit CODE`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return zalo;
}
