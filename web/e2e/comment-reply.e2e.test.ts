/**
 * A citizen's comment under a Page post (Facebook emulator) → the officer sees how the case can be answered
 * (publicly under the comment, or once privately), answers privately in Chromium; when the comment is deleted,
 * the reply box says the channel is closed and offers to call. Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, shot, submitConsoleLogin } from './support.ts';
// eslint-disable-next-line no-restricted-imports -- shared test helper
import { eventually } from '../../server/test/eventually.ts';
// eslint-disable-next-line no-restricted-imports -- the e2e test starts the real server and a provider emulator
import { startFacebookEmulator } from '../../server/src/emulators/facebook/index.ts';
// eslint-disable-next-line no-restricted-imports -- the e2e test starts the real server
import { startTestServer, type TestServer } from '../../server/test/test-server.ts';

const PAGE = { id: '333333333333333', name: 'UBND Phường Sài Gòn', accessToken: 'EAApagetokenE2E' };

let server: TestServer;
let browser: Browser;
let fb: Awaited<ReturnType<typeof startFacebookEmulator>>;


before(async () => {
  fb = await startFacebookEmulator({ host: '127.0.0.1', appSecret: 'e2e-secret', verifyToken: 'e2e-vt', pages: [PAGE], retry: { delaysMs: [0, 100], timeoutMs: 5_000 } });
  server = await startTestServer({ env: { FACEBOOK_GRAPH_URL: fb.url } });
  await server.admin('channel.add', { channel: 'facebook', unit: '26740', config: { pageId: PAGE.id, pageToken: PAGE.accessToken, appSecret: 'e2e-secret', verifyToken: 'e2e-vt' } });
  fb.setWebhookUrl(`${server.url}/webhooks/facebook`);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await fb?.close();
});

void test('an officer answers a Page comment privately, then sees the channel closed once the comment is gone', async () => {
  const post = fb.pagePublishes({ message: 'Phường Sài Gòn thông báo lịch tiếp dân tháng 12' });
  const comment = fb.citizenComments({ name: 'Đỗ Thị Mai', postId: post.id, text: 'Vỉa hè trước số 8 Pasteur bị bể, người đi bộ dễ vấp ngã' });
  await eventually('acknowledgement under the comment', () => fb.state.comments.find((c) => c.parentId === comment.id && c.fromId === PAGE.id));
  const officer = server.staff.find((s) => s.email === 'canbo.saigon@gandan.local')!;
  const errors: string[] = [];
  const desk = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  desk.on('pageerror', (e) => errors.push(e.message));
  await desk.goto(`${server.url}/console/`);
  await submitConsoleLogin(desk, officer);
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
