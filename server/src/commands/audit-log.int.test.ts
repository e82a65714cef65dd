import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { describeEachEngine } from '../../test/fresh-db.ts';
import { runAdminOperation } from '../cli/admin-operations.ts';
import { createSecretBox } from '../lib/secret-box.ts';
import { hashAuditEntry } from '../domain/audit/audit-chain.ts';
import { openDb } from '../db/client.ts';
import { sealAllAudit, sealAuditLog } from './seal-audit-log.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/gandan.js');

describeEachEngine('audit log', (db) => {
  let t: TestApp;
  let saigonCase: string;
  let linhXuanCase: string;
  const verify = () => runAdminOperation({ ...t.ctx, box: createSecretBox(Buffer.alloc(32)) }, 'audit.verify', {});

  before(async () => {
    t = await buildTestApp(db());
    const open = async (unitCode: string) => {
      const r = await t.app.inject({ method: 'POST', url: '/api/public/cases', payload: { text: `Rác thải ở ${unitCode}`, unitCode } });
      const [row] = await t.ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [(r.json() as { trackingCode: string }).trackingCode]);
      return row!.id;
    };
    saigonCase = await open('26740');
    linhXuanCase = await open('26800');
    const s = await t.login('canbo.saigon@gandan.local');
    const me = (await t.app.inject({ url: '/api/staff/me', headers: { cookie: s.cookie } })).json() as { user: { id: string } };
    const post = async (url: string, payload: object) => {
      const r = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${saigonCase}${url}`, headers: s.headers, payload });
      assert.ok(r.statusCode < 300, r.body);
    };
    t.clock.advance(60_000);
    await post('/notes', { body: 'Đã liên hệ tổ dân phố' });
    await post('/assign', { assigneeId: me.user.id });
    await post('/status', { status: 'in_progress' });
    await post('/replies', { body: 'Phường đã tiếp nhận và đang xử lý.' });
    await post('/triage', { type: 'phan_anh', category: 'moi_truong', procedure: null, urgent: false });
    await post('/coordinating-units', { unitCode: '26800' });
    await post('/transfers', { unitCode: 'SXD', reason: 'Thử chuyển' });
  });

  test('changes write their entries without taking the chain lock; the sealer links them in order', async () => {
    const pending = await t.ctx.db.query<{ action: string }>('SELECT action FROM audit_pending WHERE case_id = $1 ORDER BY id', [saigonCase]);
    assert.equal(pending.length, 8);
    assert.deepEqual((await t.ctx.db.query('SELECT 1 FROM audit_log')).length, 0, 'nothing is linked before the sealer runs');
    // Two sealers at once (two connections on PostgreSQL): one order, no entry twice, none lost.
    const other = db().url ? await openDb({ databaseUrl: db().url, poolSize: 2 }) : t.ctx.db;
    try {
      const counts = await Promise.all([sealAuditLog(t.ctx.db, 3), sealAuditLog(other, 3), sealAllAudit(other), sealAllAudit(t.ctx.db)]);
      assert.equal(counts.reduce((a, b) => a + b, 0), 9);
    } finally {
      if (other !== t.ctx.db) await other.close();
    }
    assert.equal((await t.ctx.db.query('SELECT 1 FROM audit_pending')).length, 0);
  });

  test('every change of a case is one link of the chain, in the order it happened', async () => {
    const rows = await t.ctx.db.query<{ seq: number; action: string; actor: string }>('SELECT seq, action, actor FROM audit_log WHERE case_id = $1 ORDER BY seq', [saigonCase]);
    assert.deepEqual(
      rows.map((r) => r.action),
      ['case.opened', 'note.added', 'case.assigned', 'status.changed', 'message.sent', 'case.triaged', 'coordination.added', 'transfer.requested'],
    );
    assert.match(rows[0]!.actor, /^citizen:/);
    assert.match(rows[1]!.actor, /^staff:[0-9a-f-]{36}$/);
    assert.deepEqual(await verify(), [`ok: 9 audit rows, chain intact (last seq 9)`]);
  });

  test('the export is JSON Lines for admins of the scope, with hashes a reader can recompute', async () => {
    const officer = await t.login('canbo.saigon@gandan.local');
    assert.equal((await t.app.inject({ url: '/api/staff/audit/export', headers: { cookie: officer.cookie } })).statusCode, 403);
    const admin = await t.login('truongphong.saigon@gandan.local');
    const r = await t.app.inject({ url: '/api/staff/audit/export', headers: { cookie: admin.cookie } });
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /application\/x-ndjson/);
    const lines = r.body.trimEnd().split('\n').map((l) => JSON.parse(l) as { seq: number; caseId: string; at: string; actor: string; action: string; payload: Record<string, unknown>; prevHash: string; hash: string });
    assert.equal(lines.length, 8, 'the ward admin sees its own case only');
    assert.ok(lines.every((l) => l.caseId === saigonCase && l.caseId !== linhXuanCase));
    for (const l of lines) assert.equal(hashAuditEntry({ ...l, at: new Date(l.at) }), l.hash);
    const city = await t.login('admin@gandan.local');
    const all = await t.app.inject({ url: '/api/staff/audit/export?from=2026-11-02&to=2026-11-02', headers: { cookie: city.cookie } });
    assert.equal(all.body.trimEnd().split('\n').length, 9);
    const none = await t.app.inject({ url: '/api/staff/audit/export?from=2026-11-03', headers: { cookie: city.cookie } });
    assert.equal(none.body, '');
  });

  test('tampering with a row in SQL is detected at that row; gandan audit verify exits 1', async () => {
    await t.ctx.db.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
      UPDATE audit_log SET payload = jsonb_set(payload, '{body}', '"Đã sửa"') WHERE seq = 3;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);
    const [line] = await verify();
    assert.match(line ?? '', /^broken: first broken link at seq 3 \(hash_mismatch\); 2 rows before it verified/);
    if (db().url) {
      const r = spawnSync(process.execPath, [BIN, 'audit', 'verify'], { env: { ...process.env, DATABASE_URL: db().url, GANDAN_LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 120_000 });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /first broken link at seq 3/);
    }
    await assert.rejects(t.ctx.db.query('DELETE FROM audit_log WHERE seq = 1'), /append-only/);
  });
});
