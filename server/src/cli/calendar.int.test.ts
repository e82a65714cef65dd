import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freshDb, testEngines, type FreshDb } from '../../test/fresh-db.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin/gandan.js');

function gandan(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, GANDAN_LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('gandan calendar due --help explains both periods and the move to the next working day', () => {
  const r = gandan(['calendar', 'due', '--help'], {});
  assert.equal(r.code, 0);
  assert.match(r.stdout, /--working-days <n>/);
  assert.match(r.stdout, /--days <n>/);
  assert.match(r.stdout, /moves to the next working day/);
});

test('bad input exits 2 with one line, before touching any database', () => {
  const cases: [string[], RegExp][] = [
    [['--from', 'yesterday', '--days', '3'], /invalid --from/],
    [['--from', '2026-02-30T10:00', '--days', '3'], /invalid --from/],
    [['--from', '2026-02-12T10:00', '--days', '3', '--working-days', '2'], /exactly one of/],
    [['--from', '2026-02-12T10:00'], /exactly one of/],
    [['--from', '2026-02-12T10:00', '--days', '-3'], /invalid --days/],
    [['--from', '2026-02-12T10:00', '--working-days', '1.5'], /invalid --working-days/],
    [['--days', '3'], /required option/],
  ];
  for (const [args, reason] of cases) {
    const r = gandan(['calendar', 'due', ...args], { GANDAN_DATA_DIR: '/nonexistent/never-opened' });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, reason);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(r.stdout, '');
  }
});

for (const engine of testEngines()) {
  describe(`gandan calendar due [${engine}]`, () => {
    let env: Record<string, string>;
    let fresh: FreshDb | undefined;
    let dir: string | undefined;
    before(async () => {
      if (engine === 'postgres') {
        fresh = await freshDb('postgres');
        env = { DATABASE_URL: fresh.url ?? '' };
      } else {
        dir = mkdtempSync(path.join(tmpdir(), 'gandan-calendar-'));
        env = { GANDAN_DATA_DIR: dir };
      }
    });
    after(async () => {
      await fresh?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const TABLE: [string, string[], string][] = [
      ['3 working days over Tết 2026', ['--from', '2026-02-12T10:00:00+07:00', '--working-days', '3'], '2026-02-24T17:00:00+07:00'],
      ['UTC input', ['--from', '2026-02-12T03:00:00Z', '--working-days', '3'], '2026-02-24T17:00:00+07:00'],
      ['30 days ending in Tết move to the next working day', ['--from', '2026-01-19T10:00', '--days', '30', '--unit', '26740'], '2026-02-23T17:00:00+07:00'],
      ['2/9/2025 and Monday 1/9', ['--from', '2025-08-29T10:00', '--working-days', '1', '--unit', 'SXD'], '2025-09-03T17:00:00+07:00'],
      ['30/4–1/5/2025 with the swapped Friday', ['--from', '2025-04-29', '--working-days', '1'], '2025-05-05T17:00:00+07:00'],
    ];
    for (const [name, args, due] of TABLE) {
      test(name, () => {
        const r = gandan(['calendar', 'due', ...args], env);
        assert.equal(r.stderr, '');
        assert.equal(r.code, 0);
        assert.equal(r.stdout, `${due}\n`);
      });
    }

    test('an unknown unit exits 2 with one line', () => {
      const r = gandan(['calendar', 'due', '--from', '2026-02-12T10:00', '--days', '3', '--unit', '99999'], env);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'gandan: invalid --unit: no unit has code 99999\n');
    });
  });
}
