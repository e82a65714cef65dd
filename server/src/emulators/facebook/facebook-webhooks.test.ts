import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { toEscapedUnicodeJson } from '../shared/json.ts';
import { startWebhookRecorder } from '../shared/webhook-recorder.ts';
import { startFacebookEmulator } from './index.ts';
import { facebookAppSecretProof, signFacebookWebhook } from './signature.ts';

const page = { id: '111111111111111', name: 'UBND Phường Bến Thành', accessToken: 'EAAdemoPageToken' };
const base = { appSecret: 'demo_app_secret', verifyToken: 'demo_verify', pages: [page], retry: { delaysMs: [5, 5, 5], timeoutMs: 2000 } };

void describe('facebook signature vectors (facebook spec §1, §2.3)', () => {
  const vector =
    '{"object":"page","entry":[{"id":"111111111111111","time":1767225600000,"messaging":[{"sender":{"id":"2222222222222222"},"recipient":{"id":"111111111111111"},"timestamp":1767225599000,"message":{"mid":"m_demo1","text":"Xin ch\\u00e0o"}}]}]}';

  void it('escapes non-ASCII exactly as Meta does (238 bytes)', () => {
    const reserialised = toEscapedUnicodeJson(JSON.parse(vector));
    assert.equal(reserialised, vector);
    assert.equal(Buffer.byteLength(reserialised), 238);
  });

  void it('signs the spec body with both headers', () => {
    assert.deepEqual(signFacebookWebhook(vector, 'demo_app_secret'), {
      'x-hub-signature-256': 'sha256=1e6f68663fe10f069530f840aba1bcd264569a3aa6d32ab0abe33df2ae89db52',
      'x-hub-signature': 'sha1=f4ce93feb1b6e5e3621b9cac9205da1b8ac256a5',
    });
  });

  void it('gives a different signature for the un-escaped body (the classic Vietnamese bug)', () => {
    const unescaped = JSON.stringify(JSON.parse(vector));
    assert.equal(Buffer.byteLength(unescaped), 234);
    assert.notEqual(signFacebookWebhook(unescaped, 'demo_app_secret')['x-hub-signature-256'], signFacebookWebhook(vector, 'demo_app_secret')['x-hub-signature-256']);
  });

  void it('computes appsecret_proof from the spec vector', () => {
    assert.equal(facebookAppSecretProof('EAAdemoPageToken', 'demo_app_secret'), 'a545aa957eb67d3a67a9af4d9d72b83d6d29f12c7c35a7526a89287784f4cf8e');
  });
});

void describe('facebook webhook delivery', () => {
  let recorder: Awaited<ReturnType<typeof startWebhookRecorder>>;
  void before(async () => {
    recorder = await startWebhookRecorder();
  });
  void after(() => recorder.close());

  void it('sends a signed, escaped-unicode message event that verifies over the raw bytes', async () => {
    const fb = await startFacebookEmulator({ ...base, webhookUrl: recorder.url });
    try {
      const before = recorder.requests.length;
      const msg = fb.citizenSends({ name: 'Nguyễn Văn A', text: 'Đèn đường hỏng' });
      await fb.settled();
      const req = recorder.requests[before]!;
      const raw = req.rawBody.toString('utf8');
      assert.match(raw, /\\u0110\\u00e8n \\u0111\\u01b0\\u1eddng/);
      assert.ok(/^[\x20-\x7e]*$/.test(raw), 'body is pure ASCII');
      const expected = `sha256=${createHmac('sha256', 'demo_app_secret').update(req.rawBody).digest('hex')}`;
      assert.equal(req.headers['x-hub-signature-256'], expected);
      assert.match(String(req.headers['x-hub-signature']), /^sha1=[0-9a-f]{40}$/);
      const body = JSON.parse(raw);
      assert.equal(body.object, 'page');
      const event = body.entry[0].messaging[0];
      assert.equal(body.entry[0].id, page.id);
      assert.equal(event.message.mid, msg.mid);
      assert.equal(event.message.text, 'Đèn đường hỏng');
      assert.equal(event.sender.id, fb.citizen({ name: 'Nguyễn Văn A' }).psid);
      assert.equal(typeof event.timestamp, 'number');
    } finally {
      await fb.close();
    }
  });

  void it('batches updates arriving together into one POST, one messaging event per entry', async () => {
    const fb = await startFacebookEmulator({ ...base, webhookUrl: recorder.url, batchWindowMs: 10_000 });
    try {
      const before = recorder.requests.length;
      fb.citizenSends({ name: 'A', text: 'một' });
      fb.citizenSends({ name: 'B', text: 'hai', attachments: [{ type: 'image', url: 'https://example.com/a.jpg' }] });
      fb.citizenTapsButton({ name: 'A', title: 'Bắt đầu', payload: 'GET_STARTED' });
      const post = fb.pagePublishes({ message: 'Thông báo cắt điện' });
      fb.citizenComments({ name: 'A', postId: post.id, text: 'Mấy giờ có điện lại?' });
      await fb.settled();
      assert.equal(recorder.requests.length, before + 1);
      const body = JSON.parse(recorder.requests[before]!.rawBody.toString());
      const messaging = body.entry.filter((e: { messaging?: unknown }) => e.messaging);
      assert.equal(messaging.length, 3);
      for (const e of messaging) assert.equal(e.messaging.length, 1);
      const feed = body.entry.find((e: { changes?: unknown }) => e.changes);
      assert.equal(feed.changes.length, 2);
      assert.equal(feed.changes[1].value.item, 'comment');
      assert.equal(feed.changes[1].value.parent_id, post.id);
      assert.ok(feed.time < 10_000_000_000, 'feed entry.time is in seconds');
      assert.equal(messaging[2].messaging[0].postback.payload, 'GET_STARTED');
    } finally {
      await fb.close();
    }
  });

  void it('feed comments: reply-to-reply joins the top-level thread, delete sends a remove without message', async () => {
    const fb = await startFacebookEmulator({ ...base, webhookUrl: recorder.url });
    try {
      const post = fb.pagePublishes({ message: 'Lịch tiếp dân' });
      const top = fb.citizenComments({ name: 'A', postId: post.id, text: 'Hỏi' });
      const reply = fb.citizenComments({ name: 'B', postId: post.id, text: 'Trả lời', parentId: top.id });
      const replyToReply = fb.citizenComments({ name: 'A', postId: post.id, text: 'Cảm ơn', parentId: reply.id });
      assert.equal(reply.parentId, top.id);
      assert.equal(replyToReply.parentId, top.id);
      await fb.settled();
      const before = recorder.requests.length;
      fb.citizenDeletesComment(top.id);
      await fb.settled();
      const value = JSON.parse(recorder.requests[before]!.rawBody.toString()).entry[0].changes[0].value;
      assert.equal(value.verb, 'remove');
      assert.equal(value.message, undefined);
      assert.notEqual(value.from.id, fb.citizen({ name: 'A' }).psid, 'feed from.id is not the PSID');
    } finally {
      await fb.close();
    }
  });

  void it('retries a failed delivery with the same bytes and signature, then succeeds', async () => {
    const flaky = await startWebhookRecorder((_req, i) => ({ status: i < 2 ? 500 : 200 }));
    const fb = await startFacebookEmulator({ ...base, webhookUrl: flaky.url, retry: { delaysMs: [60_000, 60_000, 60_000], timeoutMs: 2000 } });
    try {
      fb.citizenSends({ name: 'A', text: 'thử lại' });
      await fb.settled();
      await fb.retryWebhooksNow();
      await fb.retryWebhooksNow();
      assert.equal(flaky.requests.length, 3);
      assert.ok(flaky.requests.every((r) => r.rawBody.equals(flaky.requests[0]!.rawBody)));
      assert.ok(flaky.requests.every((r) => r.headers['x-hub-signature-256'] === flaky.requests[0]!.headers['x-hub-signature-256']));
      const delivery = fb.deliveries[0]!;
      assert.equal(delivery.state, 'delivered');
      assert.deepEqual(delivery.attempts.map((a) => a.status), [500, 500, 200]);
    } finally {
      await fb.close();
      await flaky.close();
    }
  });

  void it('drops the update after the retry schedule is exhausted (timers, short schedule)', async () => {
    const down = await startWebhookRecorder(() => ({ status: 503 }));
    const fb = await startFacebookEmulator({ ...base, webhookUrl: down.url, retry: { delaysMs: [1, 1], timeoutMs: 1000 } });
    try {
      fb.citizenSends({ name: 'A', text: 'x' });
      for (let i = 0; i < 50 && fb.deliveries[0]?.state === 'pending'; i++) {
        await fb.settled();
        await new Promise((r) => setTimeout(r, 5));
      }
      assert.equal(fb.deliveries[0]!.state, 'dropped');
      assert.equal(down.requests.length, 3);
    } finally {
      await fb.close();
      await down.close();
    }
  });
});

void describe('facebook verification handshake (facebook spec §2.2)', () => {
  void it('passes only when the callback echoes the bare challenge for the right token', async () => {
    const callback = await startWebhookRecorder((req) => {
      const q = new URL(req.url, 'http://x').searchParams;
      return q.get('hub.mode') === 'subscribe' && q.get('hub.verify_token') === 'demo_verify' ? { status: 200, body: q.get('hub.challenge') ?? '' } : { status: 403 };
    });
    const good = await startFacebookEmulator({ ...base, webhookUrl: `${callback.url}/webhooks/facebook` });
    const bad = await startFacebookEmulator({ ...base, verifyToken: 'other', webhookUrl: `${callback.url}/webhooks/facebook` });
    try {
      const ok = await good.verifyWebhook();
      assert.equal(ok.ok, true);
      assert.match(ok.challenge, /^\d+$/);
      const refused = await bad.verifyWebhook();
      assert.equal(refused.ok, false);
      assert.equal(refused.status, 403);
      assert.match(callback.requests[0]!.url, /hub\.mode=subscribe&hub\.challenge=\d+&hub\.verify_token=demo_verify/);
    } finally {
      await good.close();
      await bad.close();
      await callback.close();
    }
  });
});
