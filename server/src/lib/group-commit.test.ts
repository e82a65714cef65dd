import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupCommit } from './group-commit.ts';

const turn = () => new Promise((r) => setImmediate(r));

function recordingWriter(maxBatch: number, maxInFlight: number) {
  const calls: { items: number[]; release: () => void; fail: (err: Error) => void }[] = [];
  const submit = groupCommit<number, string>({
    maxBatch,
    maxInFlight,
    write: (items) =>
      new Promise((resolve, reject) => {
        calls.push({ items: [...items], release: () => resolve(items.map((n) => `ok ${n}`)), fail: reject });
      }),
  });
  return { calls, submit };
}

test('items submitted in one turn share one write; items submitted during a write share the next', async () => {
  const { calls, submit } = recordingWriter(100, 1);
  const first = [submit(1), submit(2), submit(3)];
  assert.equal(calls.length, 0, 'nothing written before the turn ends');
  await turn();
  assert.deepEqual(
    calls.map((c) => c.items),
    [[1, 2, 3]],
  );
  const second = [submit(4), submit(5)];
  await turn();
  assert.equal(calls.length, 1, 'one write at a time: the next waits for the first');
  calls[0]!.release();
  assert.deepEqual(await Promise.all(first), ['ok 1', 'ok 2', 'ok 3']);
  await turn();
  assert.deepEqual(
    calls.map((c) => c.items),
    [
      [1, 2, 3],
      [4, 5],
    ],
  );
  calls[1]!.release();
  assert.deepEqual(await Promise.all(second), ['ok 4', 'ok 5']);
});

test('a caller is answered only after its own batch is written', async () => {
  const { calls, submit } = recordingWriter(100, 1);
  let settled = false;
  const p = submit(7).then(() => (settled = true));
  await turn();
  await turn();
  assert.equal(settled, false);
  calls[0]!.release();
  await p;
  assert.equal(settled, true);
});

test('batches are cut at maxBatch and up to maxInFlight writes run together', async () => {
  const { calls, submit } = recordingWriter(2, 2);
  const all = [1, 2, 3, 4, 5].map((n) => submit(n));
  await turn();
  assert.deepEqual(
    calls.map((c) => c.items),
    [
      [1, 2],
      [3, 4],
    ],
  );
  calls[1]!.release();
  await turn();
  assert.deepEqual(
    calls.map((c) => c.items),
    [[1, 2], [3, 4], [5]],
    'a freed slot takes what waits',
  );
  calls[0]!.release();
  calls[2]!.release();
  assert.deepEqual(await Promise.all(all), ['ok 1', 'ok 2', 'ok 3', 'ok 4', 'ok 5']);
});

test('a failed write rejects its own batch only; the writer goes on', async () => {
  const { calls, submit } = recordingWriter(100, 1);
  const doomed = [submit(1), submit(2)];
  await turn();
  const later = submit(3);
  calls[0]!.fail(new Error('connection lost'));
  for (const p of doomed) await assert.rejects(p, /connection lost/);
  await turn();
  assert.deepEqual(calls[1]!.items, [3]);
  calls[1]!.release();
  assert.equal(await later, 'ok 3');
});

test('a write returning the wrong number of results rejects the batch', async () => {
  const submit = groupCommit<number, number>({ maxBatch: 10, maxInFlight: 1, write: async () => [1] });
  const ps = [submit(1), submit(2)];
  for (const p of ps) await assert.rejects(p, /1 results for 2 items/);
});
