import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger } from '../lib/logger.ts';
import { startWorker } from './worker.ts';

const log = createLogger('silent');

test('a slow batch in one queue does not hold up another queue', async () => {
  let releaseSends: () => void = () => undefined;
  const sendsBlocked = new Promise<void>((r) => (releaseSends = r));
  let sendBatches = 0;
  const processed: number[] = [];
  let pending = 0;
  const worker = startWorker({
    drains: [
      { name: 'inbound', batchSize: 10, run: async () => { const n = pending; pending = 0; if (n) processed.push(n); return n; } },
      { name: 'deliver', batchSize: 10, run: async () => { if (sendBatches++ === 0) await sendsBlocked; return 0; } },
    ],
    now: () => Date.now(),
    pollMs: 60_000,
    lingerMs: 0,
    log,
  });
  try {
    pending = 3;
    worker.wake();
    for (let i = 0; i < 200 && processed.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(processed, [3], 'inbound work was handled while the first send batch was still in flight');
  } finally {
    releaseSends();
    await worker.stop();
  }
  assert.equal(worker.running, false);
});

test('wake() ends an idle wait at once; stop() waits for the batch in hand', async () => {
  let runs = 0;
  let finishedBatch = false;
  const worker = startWorker({
    drains: [{ name: 'q', batchSize: 5, run: async () => { runs += 1; if (runs === 2) { await new Promise((r) => setTimeout(r, 30)); finishedBatch = true; } return 0; } }],
    now: () => Date.now(),
    pollMs: 60_000,
    log,
  });
  for (let i = 0; i < 200 && runs < 1; i++) await new Promise((r) => setTimeout(r, 5));
  worker.wake();
  for (let i = 0; i < 200 && runs < 2; i++) await new Promise((r) => setTimeout(r, 5));
  assert.equal(runs, 2, 'woken without waiting for the 60 s poll');
  await worker.stop();
  assert.equal(finishedBatch, true);
});

test('a failing task is logged and retried on the next poll, not fatal', async () => {
  let calls = 0;
  const worker = startWorker({
    drains: [{ name: 'flaky', batchSize: 1, run: async () => { calls += 1; if (calls === 1) throw new Error('boom'); return 0; } }],
    now: () => Date.now(),
    pollMs: 10,
    log,
  });
  for (let i = 0; i < 400 && calls < 2; i++) await new Promise((r) => setTimeout(r, 5));
  await worker.stop();
  assert.ok(calls >= 2);
});

test('a task wakes its own loop through attach (the other loops sleep on); stop() waits for its settle', async () => {
  let wakeDeliver: () => void = () => undefined;
  const runs = { deliver: 0, other: 0 };
  let settled = false;
  const worker = startWorker({
    drains: [
      {
        name: 'deliver',
        batchSize: 5,
        run: async () => {
          runs.deliver += 1;
          return 0;
        },
        attach: (wake) => (wakeDeliver = wake),
        settle: async () => {
          await new Promise((r) => setTimeout(r, 30));
          settled = true;
        },
      },
      { name: 'other', batchSize: 5, run: async () => (runs.other += 1, 0) },
    ],
    now: () => Date.now(),
    pollMs: 60_000,
    log,
  });
  for (let i = 0; i < 200 && (runs.deliver < 1 || runs.other < 1); i++) await new Promise((r) => setTimeout(r, 5));
  wakeDeliver();
  for (let i = 0; i < 200 && runs.deliver < 2; i++) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(runs, { deliver: 2, other: 1 }, 'only the attached loop ran again, without waiting for the poll');
  await worker.stop();
  assert.equal(settled, true);
});
