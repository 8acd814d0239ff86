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

/** The axe violations on the page's current state, one line each (empty: accessible). */
async function violationsOn(page: Page, url = page.url()): Promise<string[]> {
  // Legacy mode runs axe in the page itself; the default opens a blank page per scan to merge the
  // results of frames (our pages have none) and takes ~1.6× as long.
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}) on ${url}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** An HTML document a page of the context loaded (a navigation's answer, not a redirect). */
interface LoadedDocument {
  url: string;
  status: number;
  headers: Record<string, string>;
  html: Promise<string | null>;
  scanned: boolean;
}

/**
 * A browser context in which every HTML page loaded is scanned by axe. `scan(page)` scans the
 * page as it is now (do it where a journey shows something, e.g. after a form's errors); every
 * document that was loaded but never scanned that way is scanned when the context closes, as it
 * was served (its bytes replayed at its address in a scratch page of the same context): any
 * violation on any page visited fails the test.
 */
export async function newCheckedContext(browser: Browser): Promise<{
  context: BrowserContext;
  scan: (page: Page) => Promise<void>;
  read: (page: Page) => Promise<void>;
}> {
  const context = await browser.newContext();
  const documents: LoadedDocument[] = [];
  const current = new Map<Page, LoadedDocument>();
  const scratchPages = new Set<Page>();
  context.on('page', (page) => {
    page.on('response', (response) => {
      if (scratchPages.has(page)) return;
      const request = response.request();
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
      if (response.status() >= 300 && response.status() < 400) return; // a redirect: no page
      if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return; // a download
      // Read the body now: after the next navigation the browser may have dropped it.
      const doc: LoadedDocument = {
        url: response.url(),
        status: response.status(),
        // The body is replayed decoded, so without its length and encoding.
        headers: Object.fromEntries(
          Object.entries(response.headers()).filter(
            ([name]) => name !== 'content-length' && name !== 'content-encoding',
          ),
        ),
        html: response.text().catch(() => null),
        scanned: false,
      };
      documents.push(doc);
      current.set(page, doc);
    });
  });
  const scan = async (page: Page) => {
    expect(await violationsOn(page)).toEqual([]);
    const doc = current.get(page);
    if (doc && doc.url === page.url()) doc.scanned = true;
  };
  // Waits until the page's current document has been read for the scan at close. A journey
  // that leaves a page the moment it loads (no click, no check) may otherwise go on before the
  // browser handed the body over, and the next navigation drops it.
  const read = async (page: Page) => {
    await current.get(page)?.html;
  };
  const close = context.close.bind(context);
  context.close = async (options) => {
    try {
      const violations: string[] = [];
      // The same address with the same bytes is one page, however often it was loaded.
      const seen = new Set<string>();
      for (const doc of documents.filter((d) => d.scanned))
        seen.add(`${doc.url}\n${await doc.html}`);
      for (const doc of documents.filter((d) => !d.scanned)) {
        const html = await doc.html;
        if (html === null) throw new Error(`the page ${doc.url} could not be read for a scan`);
        if (seen.has(`${doc.url}\n${html}`)) continue;
        seen.add(`${doc.url}\n${html}`);
        // The same address answered with the same bytes and headers (never asked again: it may
        // have been a form's answer), so its styles, scripts and images load as they did.
        const scratch = await context.newPage();
        scratchPages.add(scratch);
        await scratch.route(
          (u) => u.href === doc.url,
          (route) => route.fulfill({ status: doc.status, headers: doc.headers, body: html }),
          { times: 1 },
        );
        // The document is the recording; its styles load from the server. A subresource that
        // does not finish within 10 s (seen a few times in CI, not yet explained: see the stop's
        // note) must not fail the scan of a page that is there.
        await scratch.goto(doc.url, { waitUntil: 'domcontentloaded' });
        await scratch.waitForLoadState('load', { timeout: 10_000 }).catch(() => undefined);
        violations.push(...(await violationsOn(scratch, doc.url)));
        doc.scanned = true;
        await scratch.close();
      }
      expect(violations).toEqual([]);
    } finally {
      await close(options);
    }
  };
  return { context, scan, read };
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
