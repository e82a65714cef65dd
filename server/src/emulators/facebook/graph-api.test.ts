import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import messengerApi from 'messaging-api-messenger';
import { startWebhookRecorder } from '../shared/webhook-recorder.ts';
import { startFacebookEmulator, type FacebookEmulator } from './index.ts';
import { facebookAppSecretProof } from './signature.ts';

const page = { id: '111111111111111', name: 'UBND Phường Bến Thành', accessToken: 'EAAdemoPageToken' };
const hourMs = 3_600_000;

// CommonJS package: named exports are not visible to ESM, so take it from the default export.
const { MessengerClient } = messengerApi;

let recorder: Awaited<ReturnType<typeof startWebhookRecorder>>;
let fb: FacebookEmulator;
void before(async () => {
  recorder = await startWebhookRecorder();
});
void after(() => recorder.close());
void afterEach(() => fb?.close());

async function start(extra: Partial<Parameters<typeof startFacebookEmulator>[0]> = {}) {
  fb = await startFacebookEmulator({ appId: '5550001', appSecret: 'demo_app_secret', verifyToken: 'v', pages: [page], webhookUrl: recorder.url, ...extra });
  return fb;
}

/** Raw Graph call, so tests see the exact envelope and headers. */
async function graph(path: string, body: unknown, token = page.accessToken, method = 'POST') {
  const res = await fetch(`${fb.url}/v25.0/${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, Record<string, unknown>> };
}

const text = (psid: string, t: string, extra: Record<string, unknown> = {}) => ({ recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: t }, ...extra });

void describe('Send API through a real client (messaging-api-messenger with origin)', () => {
  void it('sends text with appsecret_proof via /me/messages, echoes with app_id and metadata, reports delivery', async () => {
    await start({ requireAppSecretProof: true });
    const citizen = fb.citizen({ name: 'Trần Thị B' });
    fb.citizenSends({ psid: citizen.psid, text: 'Xin chào' });
    await fb.settled();
    const client = new MessengerClient({ accessToken: page.accessToken, appId: '5550001', appSecret: 'demo_app_secret', origin: fb.url, version: '25.0' });
    const res = await client.sendMessage(citizen.psid, { text: 'Cảm ơn anh/chị, mã hồ sơ GD-7K3Q-9MPX', metadata: 'case:42' } as never);
    assert.equal(res.recipientId, citizen.psid);
    assert.match(res.messageId, /^m_/);
    assert.deepEqual(fb.sentTo(citizen.psid).map((m) => m.text), ['Cảm ơn anh/chị, mã hồ sơ GD-7K3Q-9MPX']);
    const profile = await client.getUserProfile(citizen.psid);
    assert.equal(profile.firstName, 'B');
    await fb.settled();
    const events = recorder.posts().flatMap((b) => (b.entry as { messaging?: Record<string, Record<string, unknown>>[] }[]).flatMap((e) => e.messaging ?? []));
    const echo = events.find((e) => e.message?.is_echo && e.message.mid === res.messageId);
    assert.ok(echo, 'echo sent');
    assert.equal(echo.message!.app_id, 5550001);
    assert.equal(echo.message!.metadata, 'case:42');
    assert.equal(echo.sender!.id, page.id);
    assert.ok(events.some((e) => (e.delivery?.mids as string[] | undefined)?.includes(res.messageId)));
  });

  void it('surfaces the Graph error envelope to the client (window closed)', async () => {
    await start();
    const citizen = fb.citizen({ name: 'C' });
    fb.citizenSends({ psid: citizen.psid, text: 'hi' });
    fb.advanceClock(25 * hourMs);
    const client = new MessengerClient({ accessToken: page.accessToken, origin: fb.url });
    await assert.rejects(client.sendText(citizen.psid, 'muộn rồi'), (err: Error & { response?: { data?: { error?: { code: number; errorSubcode: number } } } }) => {
      assert.match(err.message, /Messenger API - 10 OAuthException/);
      assert.equal(err.response?.data?.error?.errorSubcode, 2018278);
      return true;
    });
  });
});

void describe('messaging windows (facebook spec §5.2, §5.3)', () => {
  void it('allows RESPONSE within 24 h, refuses after with 10/2018278, allows HUMAN_AGENT up to 7 days', async () => {
    await start();
    const { psid } = fb.citizen({ name: 'D' });
    fb.citizenSends({ psid, text: 'Ổ gà' });
    fb.advanceClock(23 * hourMs);
    assert.equal((await graph(`${page.id}/messages`, text(psid, 'ok'))).status, 200);
    fb.advanceClock(2 * hourMs);
    const closed = await graph(`${page.id}/messages`, text(psid, 'late'));
    assert.equal(closed.status, 400);
    assert.equal(closed.body.error!.code, 10);
    assert.equal(closed.body.error!.error_subcode, 2018278);
    assert.equal(closed.body.error!.type, 'OAuthException');
    assert.equal(typeof closed.body.error!.fbtrace_id, 'string');
    const human = await graph(`${page.id}/messages`, text(psid, 'nhân viên trả lời', { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }));
    assert.equal(human.status, 200);
    fb.advanceClock(6 * 24 * hourMs);
    const tooLate = await graph(`${page.id}/messages`, text(psid, 'quá 7 ngày', { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }));
    assert.equal(tooLate.body.error!.error_subcode, 2018278);
    assert.deepEqual(fb.sentTo(psid).map((m) => m.tag ?? null), [null, 'HUMAN_AGENT']);
  });

  void it('refuses HUMAN_AGENT without the permission', async () => {
    await start({ hasHumanAgentPermission: false });
    const { psid } = fb.citizen({ name: 'E' });
    fb.citizenSends({ psid, text: 'x' });
    fb.advanceClock(30 * hourMs);
    const res = await graph(`me/messages`, text(psid, 'y', { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }));
    assert.equal(res.body.error!.code, 10);
    assert.equal(res.body.error!.error_subcode, undefined);
  });

  void it('private reply: one per comment, within 7 days; recipient_id is the PSID; Page comments cannot be replied to', async () => {
    await start();
    const post = fb.pagePublishes({ message: 'Lấy ý kiến về tuyến xe buýt' });
    const first = fb.citizenComments({ name: 'F', postId: post.id, text: 'Cần thêm chuyến' });
    const ok = await graph(`${page.id}/messages`, { recipient: { comment_id: first.id }, message: { text: 'Cảm ơn góp ý' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.recipient_id, fb.citizen({ name: 'F' }).psid as never);
    const again = await graph(`${page.id}/messages`, { recipient: { comment_id: first.id }, message: { text: 'lần 2' } });
    assert.equal(again.body.error!.code, 10903);
    const old = fb.citizenComments({ name: 'G', postId: post.id, text: 'Cũ' });
    fb.advanceClock(7 * 24 * hourMs + 1);
    const expired = await graph(`${page.id}/messages`, { recipient: { comment_id: old.id }, message: { text: 'muộn' } });
    assert.equal(expired.body.error!.code, 10903);
    const legacy = await graph(`${old.id}/private_replies`, { message: 'x' });
    assert.equal(legacy.status, 400);
    // After a private reply the Page may not message again until the person answers (normal window then applies).
    const followUp = await graph(`${page.id}/messages`, text(fb.citizen({ name: 'F' }).psid, 'thêm'));
    assert.equal(followUp.body.error!.error_subcode, 2018278);
  });

  void it('public reply, hide and delete produce feed webhooks authored by the Page', async () => {
    await start();
    const post = fb.pagePublishes({ message: 'Thông báo' });
    const comment = fb.citizenComments({ name: 'H', postId: post.id, text: 'Hỏi' });
    const reply = await graph(`${comment.id}/comments`, { message: 'Đã tiếp nhận' });
    assert.match(String(reply.body.id), /^\d+_\d+$/);
    assert.deepEqual((await graph(comment.id, { is_hidden: true })).body, { success: true } as never);
    assert.deepEqual((await graph(comment.id, {}, page.accessToken, 'DELETE')).body, { success: true } as never);
    await fb.settled();
    const changes = recorder.posts().flatMap((b) => (b.entry as { changes?: { value: Record<string, unknown> }[] }[]).flatMap((e) => e.changes ?? [])).map((c) => c.value);
    const pageReply = changes.find((v) => v.comment_id === reply.body.id);
    assert.equal((pageReply?.from as { id: string }).id, page.id);
    assert.equal(pageReply?.parent_id, comment.id);
    assert.ok(changes.some((v) => v.comment_id === comment.id && v.verb === 'hide'));
    assert.ok(changes.some((v) => v.comment_id === comment.id && v.verb === 'remove'));
  });
});

void describe('Graph errors and limits (facebook spec §6, §7)', () => {
  void it('maps token, proof, recipient and availability problems to their codes', async () => {
    await start();
    const { psid } = fb.citizen({ name: 'I' });
    fb.citizenSends({ psid, text: 'x' });
    assert.equal((await graph('me/messages', text(psid, 'a'), 'wrong')).body.error!.code, 190);
    const proof = await fetch(`${fb.url}/v25.0/me/messages?access_token=${page.accessToken}&appsecret_proof=bad`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(text(psid, 'a')) });
    assert.equal(((await proof.json()) as { error: { code: number } }).error.code, 100);
    const goodProof = facebookAppSecretProof(page.accessToken, 'demo_app_secret');
    const withProof = await fetch(`${fb.url}/me/messages?access_token=${page.accessToken}&appsecret_proof=${goodProof}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(text(psid, 'a')) });
    assert.equal(withProof.status, 200, 'unversioned path works');
    const unknown = await graph('me/messages', text('999', 'a'));
    assert.deepEqual([unknown.body.error!.code, unknown.body.error!.error_subcode], [100, 2018001]);
    const both = await graph('me/messages', { ...text(psid, 'a'), sender_action: 'typing_on' });
    assert.equal(both.body.error!.code, 100);
    assert.equal((await graph('me/messages', { recipient: { id: psid }, sender_action: 'typing_on' })).status, 200);
    const long = await graph('me/messages', text(psid, 'x'.repeat(2001)));
    assert.equal(long.body.error!.code, 100);
    fb.setUserAvailable({ psid }, false);
    const gone = await graph('me/messages', text(psid, 'a'));
    assert.deepEqual([gone.body.error!.code, gone.body.error!.error_subcode], [551, 1545041]);
    fb.expireTokens();
    const expired = await graph('me/messages', text(psid, 'a'));
    assert.deepEqual([expired.body.error!.code, expired.body.error!.error_subcode], [190, 463]);
    fb.restoreTokens();
  });

  void it('fault knob: rate limit with usage headers, server errors, then recovery', async () => {
    await start();
    const { psid } = fb.citizen({ name: 'J' });
    fb.citizenSends({ psid, text: 'x' });
    fb.fail({ kind: 'rate-limit', durationMs: 5 * 60_000 });
    const limited = await graph('me/messages', text(psid, 'a'));
    assert.equal(limited.body.error!.code, 32);
    const buc = JSON.parse(limited.headers.get('x-business-use-case-usage') ?? '{}') as Record<string, { call_count: number; estimated_time_to_regain_access: number }[]>;
    assert.equal(buc[page.id]![0]!.call_count, 100);
    assert.equal(buc[page.id]![0]!.estimated_time_to_regain_access, 5);
    fb.fail({ kind: 'server-error', count: 1 });
    const down = await graph('me/messages', text(psid, 'a'));
    assert.equal(down.status, 500);
    assert.equal(down.body.error!.code, 2);
    assert.equal(down.body.error!.is_transient, true);
    const ok = await graph('me/messages', text(psid, 'a'));
    assert.equal(ok.status, 200);
    assert.ok(JSON.parse(ok.headers.get('x-app-usage') ?? '{}').call_count >= 0);
  });

  void it('enforces the per-Page call budget with error 32', async () => {
    await start({ rateLimit: { callsPerWindow: 2, windowMs: 60_000 } });
    const { psid } = fb.citizen({ name: 'K' });
    fb.citizenSends({ psid, text: 'x' });
    assert.equal((await graph('me/messages', text(psid, '1'))).status, 200);
    assert.equal((await graph('me/messages', text(psid, '2'))).status, 200);
    const third = await graph('me/messages', text(psid, '3'));
    assert.equal(third.body.error!.code, 32);
    fb.advanceClock(60_000);
    assert.equal((await graph('me/messages', text(psid, '4'))).status, 200);
  });

  void it('timeout fault: the request hangs until the client gives up', async () => {
    await start({ timeoutHangMs: 10_000 });
    fb.fail({ kind: 'timeout', count: 1 });
    await assert.rejects(fetch(`${fb.url}/v25.0/me?access_token=${page.accessToken}`, { signal: AbortSignal.timeout(100) }), { name: 'TimeoutError' });
    const me = await graph('me', undefined, page.accessToken, 'GET');
    assert.equal(me.body.id, page.id as never);
  });
});
