import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLiveEvent } from './live-event.ts';

const ID = '0b6d3c1e-8f0a-4d59-9a51-2d3f4e5a6b7c';

test('reads case and notification payloads', () => {
  assert.deepEqual(parseLiveEvent(JSON.stringify({ t: 'case', c: ID, k: 'note.added' })), { type: 'case', caseId: ID, kind: 'note.added' });
  assert.deepEqual(parseLiveEvent(JSON.stringify({ t: 'notification', s: ID })), { type: 'notification', staffId: ID });
  assert.deepEqual(parseLiveEvent(JSON.stringify({ t: 'case', c: ID, k: 'transfer.accepted', u: ID })), { type: 'case', caseId: ID, kind: 'transfer.accepted', alsoUnitId: ID });
});

test('refuses malformed payloads', () => {
  for (const p of ['', 'null', '{', '[]', JSON.stringify({ t: 'case', c: 'x', k: 'note.added' }), JSON.stringify({ t: 'case', c: ID, k: 'Robert"); DROP' }), JSON.stringify({ t: 'other', c: ID }), JSON.stringify({ t: 'notification' }), JSON.stringify({ t: 'case', c: ID, k: 'note.added', u: 'x' })]) {
    assert.equal(parseLiveEvent(p), undefined, p);
  }
});
