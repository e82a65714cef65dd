import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coalesced } from './coalesce.ts';

test('calls made while one runs become one more call after it, none is lost', async () => {
  const releases: (() => void)[] = [];
  let calls = 0;
  const signal = coalesced(
    () => {
      calls += 1;
      return new Promise<void>((resolve) => releases.push(resolve));
    },
    () => undefined,
  );
  signal();
  signal();
  signal();
  assert.equal(calls, 1, 'one call in flight');
  releases.shift()!();
  await new Promise((r) => setImmediate(r));
  assert.equal(calls, 2, 'the calls made meanwhile ran once more');
  releases.shift()!();
  await new Promise((r) => setImmediate(r));
  assert.equal(calls, 2, 'nothing asked since: no further call');
  signal();
  assert.equal(calls, 3);
  releases.shift()!();
});

test('a failing call is reported and does not stop later ones', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const signal = coalesced(async () => {
    calls += 1;
    if (calls === 1) throw new Error('connection lost');
  }, (err) => errors.push(err));
  signal();
  await new Promise((r) => setImmediate(r));
  signal();
  await new Promise((r) => setImmediate(r));
  assert.equal(calls, 2);
  assert.equal(errors.length, 1);
});

test('with a minimum interval, the folded call waits until that long after the previous one started', async () => {
  const starts: number[] = [];
  const signal = coalesced(
    async () => {
      starts.push(Date.now());
    },
    () => undefined,
    30,
  );
  const until = async (n: number) => {
    while (starts.length < n) await new Promise((r) => setTimeout(r, 5));
  };
  signal();
  signal();
  assert.equal(starts.length, 1, 'the second signal waits');
  await until(2);
  assert.ok(starts[1]! - starts[0]! >= 29, `spaced by the interval: ${starts[1]! - starts[0]!} ms`);
  signal();
  await until(3);
});
