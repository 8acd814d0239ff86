import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { TenantsService } from '../src/tenancy/tenants.service';
import { A11Y_PAGES, type A11yPage, type Viewer } from './support/a11y-pages';
import { launchBrowser, newCheckedContext } from './support/browser';
import { createMember, createTenant, type TestMember } from './support/factories';
import { seedTenant, type TenantIds } from './support/tenant-routes';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The accessibility sweep: every page in test/support/a11y-pages.ts, as the person who would see
 * it, checked for its status (a 404 page instead of the page would pass axe), then scanned by axe
 * (WCAG 2.0/2.1/2.2 A and AA). Any violation on any page fails.
 */
describe('accessibility of every page', () => {
  let t: TestApp;
  let browser: Browser;
  let ids: TenantIds;
  const members = {} as Record<Exclude<Viewer, 'anonymous'>, TestMember>;
  const contexts = new Map<
    Viewer,
    { context: BrowserContext; scan: Awaited<ReturnType<typeof newCheckedContext>>['scan'] }
  >();

  beforeAll(async () => {
    // No SMTP: mail goes to files, so the development mailbox page exists.
    t = await createTestApp();
    // A municipality with a row in every table (a café with its host, a meeting, a wish, links).
    const gent = await seedTenant(t, 'gent');
    await t.get(TenantsService).update(gent.tenant.id, {
      contactPhone: '09 266 00 00',
      contactAddress: 'Onderbergen 8, 9000 Gent',
    });
    ids = gent.ids;
    await createTenant(t, { slug: 'veurne', name: 'Veurne', status: 'suspended' });
    members.caregiver = gent.caregiver;
    members.professional = gent.professional;
    members.tenant_admin = gent.admin;
    members.platform_admin = await createMember(t, { platformAdmin: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    // Closing a checked context scans what it loaded and nobody scanned (the login journeys).
    for (const { context } of contexts.values()) await context.close();
    await browser?.close();
    await t?.close();
  });

  function url(page: A11yPage): string {
    const slug = { platform: null, tenant: 'gent', unknown: 'nergensdorp', suspended: 'veurne' }[
      page.host
    ];
    return t.url(slug, typeof page.path === 'string' ? page.path : page.path(ids));
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

  const placeholders = new Proxy({}, { get: (_t, key) => `:${String(key)}` }) as TenantIds;
  const shown = (p: A11yPage) => (typeof p.path === 'string' ? p.path : p.path(placeholders));

  it.each(
    A11Y_PAGES.map(
      (p) => [`${p.viewer} ${p.host}${shown(p)}${p.submitEmpty ? ' (+ errors)' : ''}`, p] as const,
    ),
  )('%s', async (_name, entry) => {
    const { context, scan } = await contextFor(entry.viewer);
    const page = await context.newPage();
    try {
      const response = await page.goto(url(entry));
      // The page itself, not an error page or the login page it would redirect to.
      expect({ status: response?.status(), url: page.url() }).toEqual({
        status: entry.status ?? 200,
        url: url(entry),
      });
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

  it('a checked context scans, when it closes, every page loaded but not scanned (browser.ts)', async () => {
    // A page with violations (no language, no title, an image without text) on a server of its
    // own: a journey that passes through it without scanning it must still fail.
    const server = http.createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        req.url === '/slecht'
          ? '<html><head></head><body><img src="/foto.png"></body></html>'
          : '<!doctype html><html lang="nl"><head><title>Goed</title></head><body><main><h1>Goed</h1></main></body></html>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { context, scan, read } = await newCheckedContext(browser);
      const page = await context.newPage();
      await page.goto(`${origin}/goed`);
      await scan(page);
      await page.goto(`${origin}/slecht`);
      await read(page);
      await page.goto(`${origin}/goed`);
      await expect(context.close()).rejects.toThrow(/image-alt \(critical\) on .*\/slecht/);
    } finally {
      server.close();
    }
  });
});
