import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cryptoRandom, type CommandContext } from '../commands/context.ts';
import { correctTriage } from '../commands/correct-triage.ts';
import { createDemoAccounts, prepareDatabase } from '../commands/prepare-database.ts';
import { openCase } from '../commands/open-case.ts';
import { openDb, type Db } from '../db/client.ts';
import { lockDataDir, pgliteDir } from '../db/data-dir-lock.ts';
import { findStaffById } from '../db/repositories/staff.repo.ts';
import { systemClock } from '../lib/clock.ts';
import { freshDb, testEngines } from '../../test/fresh-db.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/gandan.js');
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Two officer corrections stored the way the console stores them. */
async function storeCorrections(db: Db): Promise<void> {
  await prepareDatabase(db);
  const ctx: CommandContext = { db, clock: systemClock, random: cryptoRandom, publicUrl: 'http://x', notifyOutbox: () => undefined };
  await createDemoAccounts(ctx, { 'admin@gandan.local': 'mat-khau-dai-du-muoi' });
  const [row] = await db.query<{ id: string }>("SELECT id FROM staff_users WHERE email = 'admin@gandan.local'");
  const admin = (await findStaffById(db, row!.id))!;
  for (const text of ['Xin hỏi thủ tục đăng ký tạm trú cho người thuê trọ', 'Karaoke hát tới 1 giờ sáng ở hẻm 9']) {
    const c = await openCase(ctx, { text, unitCode: '26740', channel: 'portal', intakeMethod: 'portal', locale: 'vi' });
    await correctTriage(ctx, admin, c.caseId, { type: 'hoi_dap', category: null, procedure: 'tam_tru', urgent: false });
  }
}

for (const engine of testEngines()) {
  test(`gandan triage train --from-database learns from stored corrections [${engine}]`, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gandan-train-'));
    dirs.push(dataDir);
    let env: Record<string, string> = { GANDAN_DATA_DIR: dataDir };
    let drop: () => Promise<void> = async () => undefined;
    if (engine === 'pglite') {
      const unlock = await lockDataDir(dataDir);
      const db = await openDb({ dataDir: pgliteDir(dataDir) });
      await storeCorrections(db);
      await db.close();
      await unlock();
    } else {
      const fresh = await freshDb('postgres');
      await storeCorrections(fresh.db);
      env = { ...env, DATABASE_URL: fresh.url! };
      drop = fresh.drop;
    }
    try {
      const r = spawnSync(process.execPath, [BIN, 'triage', 'train', '--from-database'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /\(2 corrections\)/);
      const model = path.join(dataDir, 'triage-model.json');
      assert.ok(existsSync(model) && statSync(model).size > 100_000, 'model written to the data directory');
    } finally {
      await drop();
    }
  });
}
