import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

void test('gandan triage classify: one line out per line in, bad JSON reported, processing continues', () => {
  const input = ['{"id":"1","text":"Đèn đường hẻm 5 Tô Ký tắt cả tuần, gọi 0912 345 678"}', '{not json', '{"id":"3","text":"😀"}', ''].join('\n');
  const r = spawnSync(process.execPath, ['bin/gandan.js', 'triage', 'classify'], { input, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(lines.length, 3);
  assert.equal(lines[0]?.id, '1');
  assert.equal(lines[0]?.street, 'Tô Ký');
  assert.equal(lines[0]?.hasPii, true);
  for (const key of ['type', 'category', 'procedure', 'urgent', 'ward', 'district', 'street', 'unitCode', 'hasPii', 'confidence'])
    assert.ok(key in (lines[0] ?? {}), key);
  assert.equal(lines[1]?.id, null);
  assert.equal(typeof lines[1]?.error, 'string');
  assert.equal(lines[2]?.type, 'khac');
});
