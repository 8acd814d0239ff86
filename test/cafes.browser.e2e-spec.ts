import type { Browser } from 'playwright-core';
import { asTenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { clickAndWait, launchBrowser, logInWith, newCheckedContext } from './support/browser';
import { cafeInput, cafeFixtures } from './support/cafes';
import { createMember, createTenant, type TestMember } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The café pages in a real browser, each with an axe scan (WCAG 2.2 AA): the public pages, and
 * an admin who creates a café (first with a mistake), appoints a host, and a host who edits and
 * cancels a meeting and plans an extra one.
 */
describe('browser: cafés', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestMember;
  let host: TestMember;

  beforeAll(async () => {
    t = await createTestApp();
    const tenant = await createTenant(t, { slug: 'poperinge', name: 'Poperinge' });
    admin = await createMember(t, { tenant, role: 'tenant_admin', displayName: 'Beheerder' });
    host = await createMember(t, { tenant, role: 'caregiver', displayName: 'Marleen Vandamme' });
    const tenantId = asTenantId(tenant.id);
    const cafes = cafeFixtures(t);
    const cafe = (await cafes.create(
      tenantId,
      cafeInput({ slug: 'de-pastorie', name: 'Mantelzorgcafé De Pastorie' }),
    ))!;
    await t
      .get(TenantTransaction)
      .run(tenantId, (em) => cafes.addHost(em, tenantId, cafe.id, host.membership!.id));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('public pages, an admin’s café form and hosts, a host’s meeting pages: all accessible', async () => {
    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();

    await page.goto(t.url('poperinge', '/'));
    expect(await page.textContent('main')).toContain(
      'Volgende bijeenkomsten van het Mantelzorgcafé',
    );
    await scan(page);
    await page.goto(t.url('poperinge', '/cafes'));
    expect(await page.textContent('h1')).toBe('Mantelzorgcafés');
    await scan(page);
    await clickAndWait(page, 'text=Mantelzorgcafé De Pastorie');
    expect(await page.textContent('h1')).toBe('Mantelzorgcafé De Pastorie');
    await scan(page);
    await clickAndWait(page, '.meeting-list a >> nth=0');
    expect(await page.textContent('main')).toContain('14.00 uur');
    await scan(page);

    // The admin: the café list, a new café with a mistake, then right; the core group.
    await logInWith(page, admin, t.url('poperinge', '/inloggen'));
    await page.goto(t.url('poperinge', '/beheer/cafes'));
    await scan(page);
    await clickAndWait(page, 'text=Nieuw café aanmaken');
    await scan(page);
    await page.fill('#name', 'Mantelzorgcafé Proven');
    await page.fill('#venueName', 'Zaal De Kring');
    await page.fill('#venueAddress', '');
    await page.fill('#endTime', '12:00');
    await clickAndWait(page);
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.inputValue('#name')).toBe('Mantelzorgcafé Proven');
    await scan(page);
    await page.fill('#venueAddress', 'Provenplein 1, 8972 Proven');
    await page.fill('#endTime', '16:00');
    await page.check('#parking');
    await clickAndWait(page);
    expect(new URL(page.url()).pathname).toBe('/beheer/cafes/mantelzorgcafe-proven/kerngroep');
    await scan(page);
    await page.fill('#zoek', 'marleen');
    await clickAndWait(page, 'main button:has-text("Zoeken")');
    await scan(page);
    await clickAndWait(page, 'button:has-text("Aanstellen in de kerngroep: Marleen Vandamme")');
    expect(await page.textContent('main')).toContain('Marleen Vandamme');
    await page.goto(t.url('poperinge', '/beheer/cafes/mantelzorgcafe-proven'));
    await scan(page);

    // A host manages the meetings of their café.
    await context.clearCookies();
    await logInWith(page, host, t.url('poperinge', '/inloggen'));
    await page.goto(t.url('poperinge', '/cafes/de-pastorie/beheer'));
    await scan(page);
    await clickAndWait(page, 'main table a:has-text("Aanpassen") >> nth=0');
    await scan(page);
    await page.fill('#theme', 'Respijtzorg in de regio: dagopvang, kortverblijf, oppas');
    await page.fill('#capacity', '0');
    await clickAndWait(page);
    expect(await page.title()).toMatch(/^Fout: /);
    await scan(page);
    await page.fill('#capacity', '18');
    await clickAndWait(page);
    expect(await page.textContent('h1')).toContain('Respijtzorg in de regio');
    await scan(page);
    await clickAndWait(page, 'text=Deze bijeenkomst afzeggen');
    await scan(page);
    await clickAndWait(page);
    // The lasting effect (the flash message itself is asserted in cafes.e2e-spec.ts).
    expect(await page.textContent('main')).toContain('Gaat niet door');
    await scan(page);
    await clickAndWait(page, 'text=Een extra bijeenkomst plannen');
    await scan(page);
    await context.close();
  });
});
