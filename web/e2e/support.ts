/** What every end-to-end test needs: Debian's Chromium, screenshots, the console login. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = 'test-results/screenshots';

/** Checks the built web apps and the browser, then launches Chromium headless (never a downloaded browser). */
export async function launchBrowser(): Promise<Browser> {
  assert.ok(existsSync('web/dist/index.html'), 'run `npm run build:web` before the e2e tests');
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`);
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Fills and submits the console's login form (Vietnamese labels) on a page already showing it. */
export async function submitConsoleLogin(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email công vụ').fill(account.email);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}
