import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFacebookEmulator } from '../../src/emulators/facebook/index.ts';
import { eventually } from '../eventually.ts';
import { testEngines } from '../fresh-db.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../test-server.ts';

const PAGE = { id: '222222222222222', name: 'UBND Phường Linh Xuân', accessToken: 'EAApagetokenLinhXuan' };
const SECRET = 'fb-app-secret-comments';


for (const engine of testEngines()) {
  describe(`Facebook Page comments [${engine}]`, () => {
    let server: TestServer;
    let fb: Awaited<ReturnType<typeof startFacebookEmulator>>;
    let headers: Record<string, string> = {};
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, never> };
    };
    type Detail = {
      case: { id: string; trackingCode: string };
      timeline: { kind: string; data: Record<string, unknown> }[];
      reply: { preferred: string | null; modes: { mode: string; available: boolean; reason: string | null }[] };
    };
    const detail = async (id: string) => (await api('GET', `/api/staff/cases/${id}`)).json as unknown as Detail;

    before(async () => {
      fb = await startFacebookEmulator({ host: '127.0.0.1', appSecret: SECRET, verifyToken: 'vt-comments', pages: [PAGE], retry: { delaysMs: [0, 100, 300], timeoutMs: 5_000 } });
      server = await startTestServer({ engine, env: { FACEBOOK_GRAPH_URL: fb.url } });
      await server.admin('channel.add', { channel: 'facebook', unit: '26800', config: { pageId: PAGE.id, pageToken: PAGE.accessToken, appSecret: SECRET, verifyToken: 'vt-comments' } });
      fb.setWebhookUrl(`${server.url}/webhooks/facebook`);
      const login = await fetch(`${server.url}/api/staff/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'canbo.linhxuan@gandan.local', password: TEST_PASSWORD }) });
      headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    });
    after(async () => {
      await server?.close();
      await fb?.close();
    });

    test('a comment opens a case acknowledged publicly under it; staff answer publicly and once privately', async () => {
      const post = fb.pagePublishes({ message: 'Phường thông báo lịch thu gom rác mới từ tháng 12' });
      const comment = fb.citizenComments({ name: 'Trần Thị Lan', postId: post.id, text: 'Hẻm 12 Võ Văn Ngân rác để 3 ngày chưa ai lấy' });
      const ack = await eventually('public acknowledgement under the comment', () => fb.state.comments.find((c) => c.parentId === comment.id && c.fromId === PAGE.id));
      const cases = (await api('GET', '/api/staff/cases?view=unit')).json as unknown as { items: { id: string; trackingCode: string; channel: string }[] };
      const c = cases.items.find((x) => x.channel === 'facebook')!;
      assert.ok(ack.message.includes(`Mã hồ sơ: ${c.trackingCode}`), ack.message);

      let d = await detail(c.id);
      assert.equal(d.reply.preferred, 'public_comment');
      assert.deepEqual(
        d.reply.modes.map((m) => [m.mode, m.available, m.reason]),
        [
          ['message', false, 'no_conversation'],
          ['public_comment', true, null],
          ['private_reply', true, null],
        ],
      );
      // A private message is impossible: this person never wrote to the Page in Messenger.
      const refused = await api('POST', `/api/staff/cases/${c.id}/replies`, { body: 'Chào chị', mode: 'message' });
      assert.equal(refused.status, 409);
      assert.equal((refused.json as unknown as { error: { code: string; details: { reason: string } } }).error.details.reason, 'no_conversation');

      assert.equal((await api('POST', `/api/staff/cases/${c.id}/replies`, { body: 'Phường đã nhắc đơn vị thu gom, chiều nay sẽ xử lý.' })).status, 201);
      await eventually('public reply', () => fb.state.comments.find((x) => x.parentId === comment.id && x.message.startsWith('Phường đã nhắc')));
      assert.equal((await api('POST', `/api/staff/cases/${c.id}/replies`, { body: 'Chị vui lòng cho số nhà chính xác để tổ thu gom đến tận nơi.', mode: 'private_reply' })).status, 201);
      await eventually('private reply delivered', () => fb.state.comments.find((x) => x.id === comment.id)?.privateReplyMid);
      const again = await api('POST', `/api/staff/cases/${c.id}/replies`, { body: 'Lần nữa', mode: 'private_reply' });
      assert.equal(again.status, 409, 'one private reply per comment');
      d = await detail(c.id);
      assert.equal(d.reply.modes.find((m) => m.mode === 'private_reply')?.reason, 'private_reply_used');
    });

    test('a deleted comment is shown on the timeline and can no longer be answered under', async () => {
      const post = fb.pagePublishes({ message: 'Lấy ý kiến về giờ làm việc thứ Bảy' });
      const comment = fb.citizenComments({ name: 'Võ Minh', postId: post.id, text: 'Đèn đường hẻm 7 tắt cả tuần nay' });
      await eventually('acknowledgement', () => fb.state.comments.find((c) => c.parentId === comment.id && c.fromId === PAGE.id));
      const cases = (await api('GET', '/api/staff/cases?view=unit')).json as unknown as { items: { id: string; channel: string }[] };
      const id = cases.items.filter((x) => x.channel === 'facebook')[0]!.id;
      fb.citizenDeletesComment(comment.id);
      const d = await eventually('retraction on the timeline', async () => {
        const x = await detail(id);
        return x.timeline.some((e) => e.kind === 'message.retracted') ? x : undefined;
      });
      assert.equal(d.timeline.find((e) => e.kind === 'message.retracted')?.data.how, 'deleted');
      assert.equal(d.reply.preferred, null);
      assert.equal((await api('POST', `/api/staff/cases/${id}/replies`, { body: 'x' })).status, 409);
    });
  });
}
