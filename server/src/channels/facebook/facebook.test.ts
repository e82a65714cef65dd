import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { it } from 'node:test';
import { fakeHttp, jsonResponse, runChannelContract } from '../contract.ts';
import { facebookChannel, splitText, type FacebookConfig } from './index.ts';

const config: FacebookConfig = { pageId: '111111111111111', pageToken: 'EAAdemoPageToken', appSecret: 'demo_app_secret', verifyToken: 'v', graphVersion: 'v25.0' };
const graphError = (code: number, subcode?: number, status = 400, headers: Record<string, string> = {}) =>
  jsonResponse({ error: { message: 'x', type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 't' } }, status, headers);
const message = { idempotencyKey: 'om_1', channelAccount: config.pageId, recipientId: '2222222222222222', text: 'Cảm ơn anh/chị', origin: 'automatic' as const, lastInboundAt: new Date(), mode: 'message' as const, replyToId: null };

runChannelContract({
  adapter: facebookChannel,
  config,
  fixturesDir: path.join(import.meta.dirname, 'fixtures'),
  sign: (rawBody, c) => ({ headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', c.appSecret).update(rawBody).digest('hex')}` }, rawBody, query: {} }),
  message,
  respondSent: () => jsonResponse({ recipient_id: '2222222222222222', message_id: 'm_1' }),
  errorCases: [
    { name: '190 expired token → held', respond: () => graphError(190, 463), expect: { kind: 'held', code: 'CHANNEL_AUTH_INVALID' } },
    { name: '10/2018278 window closed → failed', respond: () => graphError(10, 2018278), expect: { kind: 'failed', code: 'WINDOW_CLOSED' } },
    { name: '551 unavailable → failed', respond: () => graphError(551, 1545041), expect: { kind: 'failed', code: 'RECIPIENT_UNAVAILABLE' } },
    { name: '100/2018001 no user → failed', respond: () => graphError(100, 2018001), expect: { kind: 'failed', code: 'RECIPIENT_NOT_FOUND' } },
    {
      name: '32 rate limit → retry after the usage header',
      respond: () => graphError(32, undefined, 400, { 'x-business-use-case-usage': JSON.stringify({ [config.pageId]: [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 5 }] }) }),
      expect: { kind: 'retry', code: 'RATE_LIMITED', afterMs: 300_000 },
    },
    { name: '613 without headers → retry', respond: () => graphError(613), expect: { kind: 'retry', code: 'RATE_LIMITED', afterMs: 60_000 } },
    { name: '2 transient → retry', respond: () => graphError(2, undefined, 500), expect: { kind: 'retry', code: 'PROVIDER_UNAVAILABLE' } },
    { name: 'HTML 502 → retry', respond: () => new Response('<html>bad gateway</html>', { status: 502 }), expect: { kind: 'retry' } },
    { name: '100 invalid parameter → failed', respond: () => graphError(100), expect: { kind: 'failed', code: 'PROVIDER_REJECTED' } },
  ],
});

void it('parses the spec message, comment and echo into normalised events', async () => {
  const { readFileSync } = await import('node:fs');
  const load = (f: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', f), 'utf8')) as unknown;
  const [msg] = facebookChannel.parseWebhook(load('image-with-caption.json'));
  assert.deepEqual(msg, {
    kind: 'message', providerMessageId: 'm_AbC123', channelAccount: '111111111111111', senderId: '2222222222222222',
    text: 'Đèn đường trước nhà số 12 Lê Lợi bị hỏng', attachments: [{ type: 'image', url: 'https://scontent.example/photo1.jpg' }], occurredAt: new Date(1767225599000),
  });
  const [comment] = facebookChannel.parseWebhook(load('comment-added.json'));
  assert.equal(comment?.kind === 'message' && comment.threadId, '111111111111111_444444444444444');
  assert.equal(comment?.kind === 'message' && comment.occurredAt.getTime(), 1767225600000);
  assert.equal(facebookChannel.parseWebhook(load('echo.json'))[0]?.kind, 'echo');
  assert.equal(facebookChannel.parseWebhook(load('batched-entries.json')).length, 2);
});

void it('verifies the spec vector only on the escaped bytes', () => {
  const raw = Buffer.from('{"object":"page","entry":[{"id":"111111111111111","time":1767225600000,"messaging":[{"sender":{"id":"2222222222222222"},"recipient":{"id":"111111111111111"},"timestamp":1767225599000,"message":{"mid":"m_demo1","text":"Xin ch\\u00e0o"}}]}]}');
  const headers = { 'x-hub-signature-256': 'sha256=1e6f68663fe10f069530f840aba1bcd264569a3aa6d32ab0abe33df2ae89db52' };
  assert.equal(facebookChannel.verifyWebhook({ headers, rawBody: raw, query: {} }, config), true);
  const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
  assert.equal(facebookChannel.verifyWebhook({ headers, rawBody: reserialised, query: {} }, config), false);
});

void it('uses HUMAN_AGENT only for a person’s reply between 24 h and 7 days; refuses automatic messages', async () => {
  // Fixed dates: the adapter reads time from SendContext.now.
  const now = () => new Date('2026-11-02T10:00:00Z');
  const old = new Date(now().getTime() - 30 * 3_600_000);
  const http = fakeHttp(() => jsonResponse({ recipient_id: '2', message_id: 'm_2' }));
  const sent = await facebookChannel.send({ ...message, origin: 'reply', lastInboundAt: old }, { config, http, baseUrls: { facebookGraphUrl: 'https://g', zaloOpenApiUrl: '', zaloOAuthUrl: '' }, now });
  assert.equal(sent.kind, 'sent');
  const body = JSON.parse(String(http.calls[0]!.init.body)) as Record<string, unknown>;
  assert.deepEqual([body.messaging_type, body.tag], ['MESSAGE_TAG', 'HUMAN_AGENT']);
  assert.match(http.calls[0]!.url, /^https:\/\/g\/v25\.0\/111111111111111\/messages\?access_token=EAAdemoPageToken&appsecret_proof=a545aa95/);
  const auto = await facebookChannel.send({ ...message, lastInboundAt: old }, { config, http: fakeHttp(undefined), baseUrls: { facebookGraphUrl: 'https://g', zaloOpenApiUrl: '', zaloOAuthUrl: '' }, now });
  assert.deepEqual(auto, { kind: 'failed', code: 'WINDOW_CLOSED' });
});

void it('splits long text on word boundaries', () => {
  const chunks = splitText(`${'a '.repeat(1500)}end`, 2000);
  assert.equal(chunks.length, 2);
  assert.ok(chunks.every((c) => c.length <= 2000));
});

void it('parses a new comment as a comment-surface message and a removed one as a retraction', async () => {
  const { readFileSync } = await import('node:fs');
  const read = (f: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', f), 'utf8')) as unknown;
  const [added] = facebookChannel.parseWebhook(read('comment-added.json'));
  assert.equal(added?.kind, 'message');
  assert.equal(added?.kind === 'message' ? added.surface : undefined, 'comment');
  const [removed] = facebookChannel.parseWebhook(read('comment-removed.json'));
  assert.deepEqual(removed && { kind: removed.kind, how: removed.kind === 'retracted' ? removed.how : null }, { kind: 'retracted', how: 'deleted' });
  assert.deepEqual(facebookChannel.webhookAccountIds(read('batched-entries.json')).length > 0, true);
});

void it('answers a comment publicly under it, or once privately with recipient.comment_id', async () => {
  const base = { config, baseUrls: { facebookGraphUrl: 'https://g', zaloOpenApiUrl: '', zaloOAuthUrl: '' }, now: () => new Date() };
  const pub = fakeHttp(() => jsonResponse({ id: '444_999' }));
  const sentPublic = await facebookChannel.send({ ...message, mode: 'public_comment', replyToId: '444_555' }, { ...base, http: pub });
  assert.deepEqual(sentPublic, { kind: 'sent', providerMessageId: '444_999' });
  assert.match(pub.calls[0]!.url, /^https:\/\/g\/v25\.0\/444_555\/comments\?access_token=/);
  assert.deepEqual(JSON.parse(String(pub.calls[0]!.init.body)), { message: message.text });
  const priv = fakeHttp(() => jsonResponse({ recipient_id: '2222', message_id: 'm_9' }));
  const sentPrivate = await facebookChannel.send({ ...message, mode: 'private_reply', replyToId: '444_555', recipientId: null }, { ...base, http: priv });
  assert.deepEqual(sentPrivate, { kind: 'sent', providerMessageId: 'm_9' });
  const body = JSON.parse(String(priv.calls[0]!.init.body)) as { recipient: unknown };
  assert.deepEqual(body.recipient, { comment_id: '444_555' });
  const second = await facebookChannel.send({ ...message, mode: 'private_reply', replyToId: '444_555' }, { ...base, http: fakeHttp(() => graphError(10903)) });
  assert.deepEqual(second, { kind: 'failed', code: 'PRIVATE_REPLY_NOT_ALLOWED', detail: 'x' });
  const tooLong = await facebookChannel.send({ ...message, mode: 'private_reply', replyToId: '444_555', text: 'a'.repeat(2001) }, { ...base, http: fakeHttp(undefined) });
  assert.deepEqual(tooLong, { kind: 'failed', code: 'TEXT_TOO_LONG' });
});
