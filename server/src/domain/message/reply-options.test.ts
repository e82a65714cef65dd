import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replyOptions, type ReplyRules } from './reply-options.ts';

const H = 3_600_000;
const NOW = new Date('2026-11-10T03:00:00Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * H);

const MESSENGER: ReplyRules = { replyWindowMs: 24 * H, humanReplyWindowMs: 7 * 24 * H, freeReplyWindowMs: null, replyModes: ['message', 'public_comment', 'private_reply'], privateReplyWindowMs: 7 * 24 * H };
const ZALO: ReplyRules = { replyWindowMs: 7 * 24 * H, humanReplyWindowMs: null, freeReplyWindowMs: 48 * H, replyModes: ['message'], privateReplyWindowMs: null };
const PORTAL: ReplyRules = { replyWindowMs: null, humanReplyWindowMs: null, freeReplyWindowMs: null, replyModes: ['message'], privateReplyWindowMs: null };

test('private conversation windows: open, billable, person only, closed', () => {
  const table: [string, ReplyRules, number, { available: boolean; cost: string | null; humanOnly: boolean; reason: string | null; closesInHours: number | null }][] = [
    ['Messenger 2 h', MESSENGER, 2, { available: true, cost: 'free', humanOnly: false, reason: null, closesInHours: 22 }],
    ['Messenger 30 h', MESSENGER, 30, { available: true, cost: 'free', humanOnly: true, reason: null, closesInHours: 138 }],
    ['Messenger 8 days', MESSENGER, 192, { available: false, cost: null, humanOnly: false, reason: 'window_closed', closesInHours: -24 }],
    ['Zalo 10 h', ZALO, 10, { available: true, cost: 'free', humanOnly: false, reason: null, closesInHours: 158 }],
    ['Zalo 50 h', ZALO, 50, { available: true, cost: 'billable', humanOnly: false, reason: null, closesInHours: 118 }],
    ['Zalo 8 days', ZALO, 192, { available: false, cost: null, humanOnly: false, reason: 'window_closed', closesInHours: -24 }],
    ['portal 1 year', PORTAL, 8760, { available: true, cost: null, humanOnly: false, reason: null, closesInHours: null }],
  ];
  for (const [name, rules, hours, expected] of table) {
    const [m] = replyOptions(rules, { lastDirectInboundAt: ago(hours), latestComment: null, now: NOW }).modes;
    assert.deepEqual(
      { available: m!.available, cost: m!.cost, humanOnly: m!.humanOnly, reason: m!.reason, closesInHours: m!.closesAt ? (m!.closesAt.getTime() - NOW.getTime()) / H : null },
      expected,
      name,
    );
  }
});

test('a commenter with no private conversation: public reply preferred, one private reply within 7 days', () => {
  const fresh = replyOptions(MESSENGER, { lastDirectInboundAt: null, latestComment: { id: 'c1', at: ago(5), privateReplyUsed: false, removed: false }, now: NOW });
  assert.equal(fresh.preferred, 'public_comment');
  assert.deepEqual(
    fresh.modes.map((m) => [m.mode, m.available, m.reason]),
    [
      ['message', false, 'no_conversation'],
      ['public_comment', true, null],
      ['private_reply', true, null],
    ],
  );
  const used = replyOptions(MESSENGER, { lastDirectInboundAt: null, latestComment: { id: 'c1', at: ago(5), privateReplyUsed: true, removed: false }, now: NOW });
  assert.equal(used.modes.find((m) => m.mode === 'private_reply')?.reason, 'private_reply_used');
  const old = replyOptions(MESSENGER, { lastDirectInboundAt: null, latestComment: { id: 'c1', at: ago(24 * 7 + 1), privateReplyUsed: false, removed: false }, now: NOW });
  assert.equal(old.modes.find((m) => m.mode === 'private_reply')?.reason, 'comment_too_old');
  const removed = replyOptions(MESSENGER, { lastDirectInboundAt: null, latestComment: { id: 'c1', at: ago(1), privateReplyUsed: false, removed: true }, now: NOW });
  assert.deepEqual(removed.modes.filter((m) => m.available), []);
  assert.equal(removed.preferred, null);
});

test('after the commenter wrote privately, the conversation is preferred', () => {
  const o = replyOptions(MESSENGER, { lastDirectInboundAt: ago(1), latestComment: { id: 'c1', at: ago(5), privateReplyUsed: true, removed: false }, now: NOW });
  assert.equal(o.preferred, 'message');
});
