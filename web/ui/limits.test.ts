import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as contract from '../../contracts/api.ts';
import * as limits from './limits.ts';

void test('web limits match contracts/api.ts', () => {
  assert.equal(limits.TEXT_MAX, contract.TEXT_MAX);
  assert.equal(limits.UPLOAD_MAX_BYTES, contract.UPLOAD_MAX_BYTES);
  assert.deepEqual([...limits.UPLOAD_TYPES], [...contract.UPLOAD_TYPES]);
  assert.equal(limits.ATTACHMENTS_MAX, contract.ATTACHMENTS_MAX);
});
