/** What every end-to-end test needs: the server and Debian's Chromium, screenshots, the console login. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
// eslint-disable-next-line no-restricted-imports -- the e2e tests start the real server
import { startTestServer, type TestServer } from '../../server/test/test-server.ts';

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

export type { TestServer };

/**
 * Starts the real server and Chromium before a file's tests, hands both to `use`, and stops them after the
 * file's last test.
 */
export function withServerAndBrowser(use: (server: TestServer, browser: Browser) => void): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
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

/** A new desktop page, in Vietnamese, signed in to the console at `path` as a demo account; page errors go to `errors`. */
export async function signInToConsole(server: TestServer, browser: Browser, email: string, path: string, errors: string[]): Promise<Page> {
  const account = server.staff.find((s) => s.email === email);
  assert.ok(account, `${email} is a demo account`);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}${path}`);
  await submitConsoleLogin(page, account);
  return page;
}
