/**
 * A ward asks another ward to take over a case (Chuyển đơn vị); the other ward finds it under "Chờ tiếp nhận",
 * accepts it, and the hop shows on the timeline; then the on-time report page. Screenshots go to
 * test-results/screenshots/. Needs `npm run build:web` first and Debian's /usr/bin/chromium (never downloads a browser).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { shot, signInToConsole, withServerAndBrowser, type TestServer } from './support.ts';
import type { Unit } from '../ui/api-types.ts';

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const signIn = (email: string, path: string, errors: string[]) => signInToConsole(server, browser, email, path, errors);

void test('a case transferred by one ward is accepted by another, and each hop is on the timeline', async () => {
  const errors: string[] = [];
  const units = (await (await fetch(`${server.url}/api/public/units`)).json()) as Unit[];
  const linhXuan = units.find((u) => u.code === '26800');
  assert.ok(linhXuan);
  const text = 'Cây xanh ngã đổ chắn ngang đường Linh Xuân, xe máy không qua được.';
  const opened = await fetch(`${server.url}/api/public/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, unitCode: '26740' }) });
  const { trackingCode } = (await opened.json()) as { trackingCode: string };

  // --- Sài Gòn ward asks Linh Xuân to take it ---
  const saigon = await signIn('canbo.saigon@gandan.local', '/console/', errors);
  await saigon.getByRole('link', { name: trackingCode }).click();
  await saigon.getByRole('heading', { name: trackingCode, level: 1 }).waitFor();
  const panel = saigon.getByTestId('transfer-panel');
  await panel.getByRole('heading', { name: 'Chuyển đơn vị' }).waitFor();
  await panel.getByRole('combobox', { name: /Chuyển đến đơn vị/ }).fill('linh xuan');
  await saigon.getByRole('option', { name: linhXuan.fullName, exact: true }).click();
  await panel.getByLabel('Lý do chuyển').fill('Địa điểm thuộc địa bàn phường Linh Xuân.');
  await panel.getByRole('button', { name: 'Gửi đề nghị chuyển' }).click();
  await panel.getByTestId('transfer-pending').getByText(`Đang chờ ${linhXuan.fullName} tiếp nhận.`).waitFor();
  await saigon.getByTestId('timeline').locator('[data-kind="transfer.requested"]').waitFor();
  await shot(saigon, 'transfer-01-requested');

  // --- Linh Xuân ward finds it under "Chờ tiếp nhận" and accepts it ---
  const linhxuan = await signIn('canbo.linhxuan@gandan.local', '/console/?view=incoming', errors);
  const incomingTab = linhxuan.getByRole('button', { name: 'Chờ tiếp nhận' }).or(linhxuan.getByRole('link', { name: 'Chờ tiếp nhận' }));
  await incomingTab.first().waitFor();
  const caseLink = linhxuan.getByRole('link', { name: trackingCode });
  await caseLink.waitFor();
  await shot(linhxuan, 'transfer-02-incoming');
  await caseLink.click();
  const incoming = linhxuan.getByTestId('transfer-panel');
  await incoming.getByText('Phường Sài Gòn đề nghị chuyển hồ sơ này cho', { exact: false }).waitFor();
  // Before accepting, the ward only reads the case: no reply, note, assignment or status actions yet.
  await linhxuan.getByTestId('relation-notice').waitFor();
  assert.equal(await linhxuan.getByTestId('reply-form').count(), 0);
  assert.equal(await linhxuan.getByRole('heading', { name: 'Chuyển trạng thái' }).count(), 0);
  await shot(linhxuan, 'transfer-03-to-accept');
  await incoming.getByRole('button', { name: 'Tiếp nhận' }).click();
  await linhxuan.getByTestId('timeline').locator('[data-kind="transfer.accepted"]').getByText('Phường Linh Xuân đã tiếp nhận hồ sơ chuyển từ Phường Sài Gòn').waitFor();
  await incoming.getByTestId('transfer-history').getByText('Đã tiếp nhận').waitFor();
  await linhxuan.locator('.case-head').getByText(linhXuan.fullName).waitFor();
  await linhxuan.getByRole('heading', { name: 'Chuyển trạng thái' }).waitFor();
  assert.equal(await linhxuan.getByTestId('relation-notice').count(), 0);
  assert.equal(await linhxuan.getByTestId('triage-panel').count(), 1, 'panels appearing above do not duplicate the others');
  await shot(linhxuan, 'transfer-04-accepted');

  // The requesting ward no longer sees the case.
  await saigon.reload();
  await saigon.getByText('Không tìm thấy hồ sơ', { exact: false }).first().waitFor();

  // --- The on-time report page ---
  await linhxuan.getByRole('link', { name: 'Báo cáo đúng hạn' }).click();
  await linhxuan.getByRole('heading', { name: 'Báo cáo đúng hạn', level: 1 }).waitFor();
  await linhxuan.getByRole('heading', { name: 'Chuyển sai đơn vị' }).waitFor();
  await shot(linhxuan, 'transfer-05-report');
  assert.deepEqual(errors, [], 'no uncaught errors in the pages');
});

void test('staff of a coordinating unit read the case and add notes; status and replies stay with the lead unit', async () => {
  const errors: string[] = [];
  const opened = await fetch(`${server.url}/api/public/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Cống thoát nước bị vỡ ở ranh giới hai phường, nước tràn ra đường.', unitCode: '26740' }),
  });
  const { trackingCode } = (await opened.json()) as { trackingCode: string };
  // Sài Gòn (lead) asks Linh Xuân to coordinate, through the API the transfer panel uses.
  const account = server.staff.find((s) => s.email === 'canbo.saigon@gandan.local')!;
  const login = await fetch(`${server.url}/api/staff/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const list = (await (await fetch(`${server.url}/api/staff/cases?view=open`, { headers })).json()) as { items: { id: string; trackingCode: string }[] };
  const caseId = list.items.find((i) => i.trackingCode === trackingCode)!.id;
  const added = await fetch(`${server.url}/api/staff/cases/${caseId}/coordinating-units`, { method: 'POST', headers, body: JSON.stringify({ unitCode: '26800' }) });
  assert.equal(added.status, 200);

  const linhxuan = await signIn('canbo.linhxuan@gandan.local', `/console/cases/${caseId}`, errors);
  await linhxuan.getByRole('heading', { name: trackingCode, level: 1 }).waitFor();
  await linhxuan.getByTestId('relation-notice').getByText('phối hợp', { exact: false }).waitFor();
  assert.equal(await linhxuan.getByTestId('reply-form').count(), 0, 'no reply box');
  assert.equal(await linhxuan.getByRole('heading', { name: 'Chuyển trạng thái' }).count(), 0, 'no status buttons');
  assert.equal(await linhxuan.getByRole('heading', { name: 'Người xử lý' }).count(), 0, 'no assignment');
  await linhxuan.getByLabel('Ghi chú nội bộ', { exact: false }).fill('Phường Linh Xuân đã cử người kiểm tra đoạn cống phía mình.');
  await linhxuan.getByRole('button', { name: 'Lưu ghi chú' }).click();
  await linhxuan.getByTestId('timeline').getByText('Phường Linh Xuân đã cử người kiểm tra', { exact: false }).waitFor();
  await shot(linhxuan, 'transfer-06-coordinating');
  assert.deepEqual(errors, [], 'no uncaught errors in the pages');
});
