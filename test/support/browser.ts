import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A browser context whose every loaded page gets an axe scan; call `assertAccessible()` at the end
 * (or `scan(page)` yourself) — any violation on any page visited fails the test.
 */
export async function newCheckedContext(
  browser: Browser,
): Promise<{ context: BrowserContext; scan: (page: Page) => Promise<void> }> {
  const context = await browser.newContext();
  const scan = async (page: Page) => {
    const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const violations = result.violations.map(
      (v) =>
        `${v.id} (${v.impact}) on ${page.url()}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(violations).toEqual([]);
  };
  return { context, scan };
}

/** Clicks (by default the main form's submit button) and waits for the page the click leads to. */
export async function clickAndWait(
  page: Page,
  button = 'main form button[type=submit]',
): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(button)]);
}

/** Logs in with the login form: the one on `page`, or first opens `loginUrl`. */
export async function logInWith(
  page: Page,
  member: { email: string; password: string },
  loginUrl?: string,
): Promise<void> {
  if (loginUrl) await page.goto(loginUrl);
  await page.fill('#email', member.email);
  await page.fill('#password', member.password);
  await clickAndWait(page);
}
