import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeFromTrackingPath, normalizeTrackingCode, parseTrackingCode, trackingPath } from './tracking-code.ts';

void test('typed and read-aloud codes normalise to the canonical form', () => {
  for (const input of ['GD-7K3Q-9MPX', 'gd-7k3q-9mpx', ' gd 7k3q 9mpx ', 'GD7K3Q9MPX', '7K3Q-9MPX', '7k3q.9mpx']) {
    assert.equal(parseTrackingCode(input), 'GD-7K3Q-9MPX', input);
  }
});

void test('O, I and L are read as 0, 1 and 1 like the server does', () => {
  assert.equal(parseTrackingCode('gd-o0il-1234'), 'GD-0011-1234');
});

void test('text that cannot be a code is left for the server to reject', () => {
  assert.equal(parseTrackingCode('GD-123'), null);
  assert.equal(parseTrackingCode('GD-UUUU-UUUU'), null);
  assert.equal(normalizeTrackingCode(' abc '), 'ABC');
});

void test('tracking paths round-trip', () => {
  assert.equal(trackingPath('GD-7K3Q-9MPX'), '/track/GD-7K3Q-9MPX');
  assert.equal(codeFromTrackingPath('/track/GD-7K3Q-9MPX'), 'GD-7K3Q-9MPX');
  assert.equal(codeFromTrackingPath('/track/GD-7K3Q-9MPX/'), 'GD-7K3Q-9MPX');
  assert.equal(codeFromTrackingPath('/track'), null);
  assert.equal(codeFromTrackingPath('/track/%E0%A4%A'), '%E0%A4%A');
});
