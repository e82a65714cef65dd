/**
 * Shared pieces of the channel reliability tests: real `gandan start` child processes, signed Zalo webhooks
 * built the way the emulator builds them, bounded-concurrency delivery and eventual assertions.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { eventually as pollUntil } from '../eventually.ts';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ZaloEmulator } from '../../src/emulators/zalo/index.ts';
import { signZaloWebhook } from '../../src/emulators/zalo/signature.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN = path.join(ROOT, 'bin/gandan.js');

export const ZALO = { appId: '4242424242', oaId: '579745863508352884', oaSecretKey: 'oa-secret-key-for-tests', appSecretKey: 'zalo-app-secret-for-tests' };
export const SECRET_KEY = 'reliability-secret-key-0123456789';

/** Waits for an asynchronous effect, failing after `ms`. */
/** The shared poller with the longer defaults these heavier tests need. */
export function eventually<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, ms = 30_000, everyMs = 100): Promise<T> {
  return pollUntil(what, probe, ms, everyMs);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export type GandanProcess = { url: string; child: ChildProcess; output: () => string; stop: () => Promise<void>; kill: () => Promise<void> };

/** `gandan start` as a child process (on `port`, or a free one); resolves once it prints that it is running. */
export async function startGandanProcess(env: Record<string, string>, port?: number): Promise<GandanProcess> {
  port ??= await freePort();
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { ...process.env, GANDAN_LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1', GANDAN_PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gandan did not start:\n${out}`)), 90_000);
    const onData = () => {
      if (!out.includes('Gần Dân is running')) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve();
    };
    child.stdout!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`gandan exited with ${child.exitCode}:\n${out}`));
    });
  });
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    stop: async () => {
      if (ended()) return;
      child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (ended()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs `gandan …` to completion (e.g. `channel add`), throwing with its stderr on failure. */
export function runGandan(args: string[], env: Record<string, string>): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, GANDAN_LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`gandan ${args.slice(0, 3).join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Connects the emulator's OA to ward 26800 through the command line. */
export function addZaloChannel(zalo: ZaloEmulator, env: Record<string, string>): string {
  const t = zalo.currentTokens();
  return runGandan(
    ['channel', 'add', 'zalo', '--oa-id', ZALO.oaId, '--app-id', ZALO.appId, '--oa-secret-key', ZALO.oaSecretKey, '--access-token', t.accessToken, '--refresh-token', t.refreshToken, '--app-secret', ZALO.appSecretKey, '--unit', '26800'],
    env,
  );
}

export type SignedWebhook = { userId: string; msgId: string; body: string; signature: string };

/**
 * A citizen's text message as Zalo posts it (same envelope as the emulator's world), signed. The citizen is
 * registered with the emulator as someone who just wrote, so our acknowledgement can be sent back.
 */
export function citizenTextWebhook(zalo: ZaloEmulator, n: number, text: string): SignedWebhook {
  const userId = `7${String(n).padStart(18, '0')}`;
  const user = zalo.citizen({ userId, name: `Người dân ${n}` });
  user.lastInteractionAtMs = zalo.now();
  const msgId = randomBytes(16).toString('hex');
  const timestamp = String(zalo.now());
  const body = JSON.stringify({
    app_id: ZALO.appId,
    user_id_by_app: user.userIdByApp,
    sender: { id: userId },
    recipient: { id: ZALO.oaId },
    event_name: 'user_send_text',
    message: { msg_id: msgId, text },
    timestamp,
  });
  return { userId, msgId, body, signature: signZaloWebhook({ appId: ZALO.appId, rawBody: body, timestamp, oaSecretKey: ZALO.oaSecretKey }) };
}

export async function postZalo(baseUrl: string, w: Pick<SignedWebhook, 'body' | 'signature'>): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${baseUrl}/webhooks/zalo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': w.signature }, body: w.body });
  return { status: res.status, json: await res.json().catch(() => null) };
}

/** Resolves once every server knows the OA (a badly signed webhook for a known OA gets 401, an unknown one 200). */
export async function waitForChannel(urls: string[]): Promise<void> {
  const probe = { body: JSON.stringify({ app_id: ZALO.appId, event_name: 'user_send_text', timestamp: '1', sender: { id: '1' }, recipient: { id: ZALO.oaId } }), signature: `mac=${'0'.repeat(64)}` };
  for (const url of urls) await eventually(`channel known at ${url}`, async () => (await postZalo(url, probe)).status === 401, 20_000);
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function forEachBounded<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  });
  await Promise.all(lanes);
}

export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
