import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freshDb, testEngines } from '../../test/fresh-db.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin/gandan.js');

function gandan(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, GANDAN_LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `gandan start` as a child process and resolves once it prints that it is running. */
function startServer(env: Record<string, string>): Promise<{ output: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'start'], { env: { ...process.env, ...env, GANDAN_LOG_LEVEL: 'warn' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    child.stdout.on('data', () => {
      if (out.includes('Gần Dân is running')) {
        clearTimeout(timer);
        resolve({
          output: () => out,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

describe('gandan command line', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'gandan-cli-'));
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('--help lists the sub-commands; every sub-command has --help', () => {
    const r = gandan(['--help'], {});
    assert.equal(r.code, 0);
    for (const c of ['start', 'migrate', 'user']) assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
    const sub = gandan(['user', 'add', '--help'], {});
    assert.equal(sub.code, 0);
    assert.match(sub.stdout, /--unit <code>/);
  });

  test('bad input exits non-zero with a one-line reason', () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command/],
      [['user', 'add', '--email', 'a@b.vn'], /required option/],
      [['user', 'add', '--email', 'a@b.vn', '--name', 'A', '--role', 'king', '--unit', '26740'], /invalid --role/],
    ];
    const env = { GANDAN_DATA_DIR: tempDir() };
    for (const [args, reason] of cases) {
      const r = gandan(args, env);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, reason);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });

  test('user add on an embedded database no server holds; a taken email and an unknown unit are refused', () => {
    const env = { GANDAN_DATA_DIR: tempDir() };
    const ok = gandan(['user', 'add', '--email', 'hoa@phuong.vn', '--name', 'Lê Hoa', '--role', 'officer', '--unit', '26740'], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /created staff user hoa@phuong\.vn/);
    assert.match(ok.stdout, /password: [a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/);
    const taken = gandan(['user', 'add', '--email', 'HOA@phuong.vn', '--name', 'X', '--role', 'officer', '--unit', '26740', '--password', 'long-enough-pw'], env);
    assert.equal(taken.code, 2);
    assert.match(taken.stderr, /EMAIL_TAKEN/);
    const unit = gandan(['user', 'add', '--email', 'x@phuong.vn', '--name', 'X', '--role', 'officer', '--unit', '12345', '--password', 'long-enough-pw'], env);
    assert.equal(unit.code, 2);
    assert.match(unit.stderr, /UNIT_NOT_FOUND/);
  });

  test('start seeds and prints demo accounts once; the CLI goes through the running server; SIGTERM stops cleanly; data survives a restart', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const env = { GANDAN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
    const first = await startServer(env);
    const accounts = first.output().match(/demo account created: \S+ {2}password: \S+/g) ?? [];
    assert.equal(accounts.length, 5, first.output());
    const base = `http://127.0.0.1:${port}`;
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
    const created = await fetch(`${base}/api/public/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Ngập nước đường Lê Lợi', unitCode: '26740' }) });
    const { trackingCode } = (await created.json()) as { trackingCode: string };

    // While the server holds the embedded database, the CLI asks the server to do the work.
    const viaServer = gandan(['user', 'add', '--email', 'moi@phuong.vn', '--name', 'Cán bộ mới', '--role', 'viewer', '--unit', '26740', '--password', 'mot-mat-khau-dai'], { GANDAN_DATA_DIR: dataDir });
    assert.equal(viaServer.code, 0, viaServer.stderr);
    const login = await fetch(`${base}/api/staff/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'moi@phuong.vn', password: 'mot-mat-khau-dai' }) });
    assert.equal(login.status, 200);
    // A second server on the same data directory is refused with a clear message.
    const second = gandan(['migrate'], { GANDAN_DATA_DIR: dataDir });
    assert.equal(second.code, 2);
    assert.match(second.stderr, /running server holds/);

    assert.equal(await first.stop(), 0);
    const again = await startServer(env);
    assert.doesNotMatch(again.output(), /demo account created/);
    const view = await fetch(`${base}/api/public/cases/${trackingCode}`);
    assert.equal(view.status, 200);
    assert.equal(((await view.json()) as { replies: unknown[] }).replies.length, 1);
    assert.equal(await again.stop(), 0);
  });

  if (testEngines().includes('postgres')) {
    test('user add against PostgreSQL (DATABASE_URL)', async () => {
      const fresh = await freshDb('postgres');
      try {
        const r = gandan(['user', 'add', '--email', 'pg@phuong.vn', '--name', 'PG', '--role', 'officer', '--unit', 'SXD', '--password', 'mot-mat-khau-dai'], { DATABASE_URL: fresh.url! });
        assert.equal(r.code, 0, r.stderr);
        const rows = await fresh.db.query<{ n: number }>("SELECT count(*)::int AS n FROM staff_users WHERE email = 'pg@phuong.vn'");
        assert.equal(rows[0]?.n, 1);
      } finally {
        await fresh.drop();
      }
    });
  }
});
