import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { serializeModel, trainModel } from '../domain/triage/train-model.ts';
import { dataDirModelPath, getTriageEngine } from './triage-engine.ts';

test('a retrained model in the data directory replaces the shipped one without a restart', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gandan-triage-'));
  try {
    let clock = 0;
    const engine = getTriageEngine({ retrainedModel: dataDirModelPath(dir), now: () => clock });
    const text = 'Ổ gà lớn giữa đường Lê Lợi, xe máy té liên tục';
    assert.equal(engine.classify(text).type, 'phan_anh', 'the shipped model');
    // A deliberately odd model (everything is "khac") makes the switch visible.
    const odd = trainModel(Array.from({ length: 12 }, (_, i) => ({ text: `tin nhắn số ${i} ${text}`, type: 'khac' as const, category: null, procedure: null, urgent: false })));
    writeFileSync(dataDirModelPath(dir), JSON.stringify(serializeModel(odd)));
    clock += 10_000;
    assert.equal(engine.classify(text).type, 'phan_anh', 'not re-checked within a minute');
    clock += 60_000;
    assert.equal(engine.classify(text).type, 'khac', 'picked up after the re-check interval');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
