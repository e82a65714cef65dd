/**
 * A citizen's comment under a Page post (Facebook emulator) → the officer sees how the case can be answered
 * (publicly under the comment, or once privately), answers privately in Chromium; when the comment is deleted,
 * the reply box says the channel is closed and offers to call. Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
// eslint-disable-next-line no-restricted-imports -- the e2e test starts the real server and a provider emulator
import { startFacebookEmulator } from '../../server/src/emulators/facebook/index.ts';
// eslint-disable-next-line no-restricted-imports -- the e2e test starts the real server
import { startTestServer, type TestServer } from '../../server/test/test-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = 'test-results/screenshots';
const PAGE = { id: '333333333333333', name: 'UBND Phường Sài Gòn', accessToken: 'EAApagetokenE2E' };

let server: TestServer;
let browser: Browser;
let fb: Awaited<ReturnType<typeof startFacebookEmulator>>;

async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

before(async () => {
  assert.ok(existsSync('web/dist/index.html'), 'run `npm run build:web` before the e2e tests');
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`);
  mkdirSync(SHOTS, { recursive: true });
  fb = await startFacebookEmulator({ host: '127.0.0.1', appSecret: 'e2e-secret', verifyToken: 'e2e-vt', pages: [PAGE], retry: { delaysMs: [0, 100], timeoutMs: 5_000 } });
  server = await startTestServer({ env: { FACEBOOK_GRAPH_URL: fb.url } });
  await server.admin('channel.add', { channel: 'facebook', unit: '26740', config: { pageId: PAGE.id, pageToken: PAGE.accessToken, appSecret: 'e2e-secret', verifyToken: 'e2e-vt' } });
  fb.setWebhookUrl(`${server.url}/webhooks/facebook`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await fb?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

void test('an officer answers a Page comment privately, then sees the channel closed once the comment is gone', async () => {
  const post = fb.pagePublishes({ message: 'Phường Sài Gòn thông báo lịch tiếp dân tháng 12' });
  const comment = fb.citizenComments({ name: 'Đỗ Thị Mai', postId: post.id, text: 'Vỉa hè trước số 8 Pasteur bị bể, người đi bộ dễ vấp ngã' });
  await eventually('acknowledgement under the comment', () => fb.state.comments.find((c) => c.parentId === comment.id && c.fromId === PAGE.id));
  const officer = server.staff.find((s) => s.email === 'canbo.saigon@gandan.local')!;
  const errors: string[] = [];
  const desk = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  desk.on('pageerror', (e) => errors.push(e.message));
  await desk.goto(`${server.url}/console/`);
  await desk.getByLabel('Email công vụ').fill(officer.email);
  await desk.getByLabel('Mật khẩu').fill(officer.password);
  await desk.getByRole('button', { name: 'Đăng nhập' }).click();
  await desk.getByText('Vỉa hè trước số 8 Pasteur').first().click();
  await desk.getByTestId('reply-modes').waitFor();
  assert.ok(await desk.getByLabel('Trả lời công khai dưới bình luận').isChecked(), 'public reply is the default for a comment');
  assert.ok(await desk.getByLabel('Tin nhắn riêng').isDisabled(), 'no private conversation exists yet');
  await desk.getByLabel('Nhắn riêng cho người bình luận (1 lần)').check();
  await shot(desk, '20-console-comment-reply-modes');
  const reply = 'Chào chị Mai, phường đã báo đội duy tu, tuần này sẽ sửa. Chị cho phường xin số điện thoại để báo lại ạ.';
  await desk.getByRole('textbox', { name: /Trả lời người dân/ }).fill(reply);
  await desk.getByRole('button', { name: 'Gửi trả lời' }).click();
  await desk.getByTestId('timeline').getByText(reply).waitFor();
  await eventually('private reply at the provider', () => fb.state.comments.find((c) => c.id === comment.id)?.privateReplyMid);
  await desk.reload();
  await desk.getByTestId('reply-modes').waitFor();
  assert.ok(await desk.getByLabel('Nhắn riêng cho người bình luận (1 lần)').isDisabled(), 'the one private reply is used');

  fb.citizenDeletesComment(comment.id);
  await eventually('retraction processed', async () => {
    await desk.reload();
    return (await desk.getByTestId('reply-closed').isVisible()) ? true : undefined;
  });
  assert.ok(await desk.getByText('Bình luận đã bị xóa trên mạng xã hội').isVisible());
  assert.ok(await desk.getByRole('button', { name: 'Gửi trả lời' }).isDisabled());
  await shot(desk, '21-console-comment-channel-closed');
  assert.deepEqual(errors, []);
});
