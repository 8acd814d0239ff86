import type { Browser, BrowserContext } from 'playwright-core';
import { A11Y_PAGES, type A11yPage, type Viewer } from './support/a11y-pages';
import { launchBrowser, newCheckedContext } from './support/browser';
import { createMember, createTenant, type TestMember } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The accessibility sweep: every page in test/support/a11y-pages.ts, as the person who would see
 * it, scanned by axe (WCAG 2.0/2.1/2.2 A and AA). Any violation on any page fails.
 */
describe('accessibility of every page', () => {
  let t: TestApp;
  let browser: Browser;
  const members = {} as Record<Exclude<Viewer, 'anonymous'>, TestMember>;
  const contexts = new Map<
    Viewer,
    { context: BrowserContext; scan: Awaited<ReturnType<typeof newCheckedContext>>['scan'] }
  >();

  beforeAll(async () => {
    // No SMTP: mail goes to files, so the development mailbox page exists.
    t = await createTestApp();
    const gent = await createTenant(t, {
      slug: 'gent',
      name: 'Gent',
      contactPhone: '09 266 00 00',
      contactAddress: 'Onderbergen 8, 9000 Gent',
    });
    await createTenant(t, { slug: 'veurne', name: 'Veurne', status: 'suspended' });
    members.caregiver = await createMember(t, {
      tenant: gent,
      role: 'caregiver',
      displayName: 'Rita Coussens',
    });
    members.tenant_admin = await createMember(t, {
      tenant: gent,
      role: 'tenant_admin',
      displayName: 'Els Vandamme',
    });
    members.platform_admin = await createMember(t, { platformAdmin: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  function url(page: A11yPage): string {
    const slug = { platform: null, tenant: 'gent', unknown: 'nergensdorp', suspended: 'veurne' }[
      page.host
    ];
    return t.url(slug, page.path);
  }

  async function contextFor(viewer: Viewer) {
    let entry = contexts.get(viewer);
    if (!entry) {
      entry = await newCheckedContext(browser);
      if (viewer !== 'anonymous') {
        const page = await entry.context.newPage();
        const loginHost = viewer === 'platform_admin' ? 'platform' : 'tenant';
        await page.goto(url({ host: loginHost, path: '/inloggen', viewer }));
        await page.getByLabel('E-mailadres').fill(members[viewer].email);
        await page.getByLabel('Wachtwoord', { exact: true }).fill(members[viewer].password);
        await page.getByRole('button', { name: 'Inloggen' }).click();
        await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
        await page.close();
      }
      contexts.set(viewer, entry);
    }
    return entry;
  }

  it.each(
    A11Y_PAGES.map(
      (p) => [`${p.viewer} ${p.host}${p.path}${p.submitEmpty ? ' (+ errors)' : ''}`, p] as const,
    ),
  )('%s', async (_name, entry) => {
    const { context, scan } = await contextFor(entry.viewer);
    const page = await context.newPage();
    try {
      await page.goto(url(entry));
      await scan(page);
      if (entry.submitEmpty) {
        const form = page.locator('main form[method="post"]').first();
        await form.evaluate(
          (f: { noValidate: boolean; elements: ArrayLike<{ type: string; value: string }> }) => {
            f.noValidate = true; // the server's messages are what we scan
            for (const el of Array.from(f.elements)) {
              if (
                el.type !== 'hidden' &&
                el.type !== 'submit' &&
                el.type !== 'checkbox' &&
                el.type !== 'radio'
              )
                el.value = '';
            }
          },
        );
        await Promise.all([
          page.waitForLoadState('load'),
          form.locator('button[type="submit"], button:not([type])').first().click(),
        ]);
        await page.locator('.error-summary').waitFor();
        await scan(page);
      }
    } finally {
      await page.close();
    }
  });
});
