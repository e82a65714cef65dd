import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createSecretBox, loadSecretKey } from './secret-box.ts';

test('sealed secrets open with the same key only, and never contain the plain text', () => {
  const box = createSecretBox(loadSecretKey('a-long-enough-secret-key', '/nonexistent'));
  const sealed = box.seal('{"pageToken":"EAAB-very-secret"}');
  assert.ok(!sealed.includes('very-secret'));
  assert.equal(box.open(sealed), '{"pageToken":"EAAB-very-secret"}');
  assert.notEqual(box.seal('x'), box.seal('x'), 'a fresh IV each time');
  const other = createSecretBox(loadSecretKey('another-secret-key-entirely', '/nonexistent'));
  assert.throws(() => other.open(sealed));
  const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
  assert.throws(() => box.open(tampered));
});

test('without GANDAN_SECRET_KEY a key file is created once, owner-only, and reused', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gandan-key-'));
  try {
    const k1 = loadSecretKey(undefined, dir);
    const k2 = loadSecretKey(undefined, dir);
    assert.deepEqual(k1, k2);
    assert.equal(statSync(path.join(dir, 'secret.key')).mode & 0o777, 0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
