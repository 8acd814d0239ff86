import type { Browser } from 'playwright-core';
import { Signup } from '../src/cafes/signups/entities/signup.entity';
import { asTenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { clickAndWait, launchBrowser, logInWith, newCheckedContext } from './support/browser';
import { cafeInput, cafeFixtures } from './support/cafes';
import { createMember, createTenant, type TestMember } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Theme wishes and the host dashboard in a real browser, each page with an axe scan (WCAG 2.2
 * AA): a caregiver proposes (first with a mistake) and votes on the café page; a host reads the
 * sign-ups, opens the printable list and attaches the wish to a meeting.
 */
describe('browser: wishes and the host dashboard', () => {
  let t: TestApp;
  let browser: Browser;
  let host: TestMember;
  let caregiver: TestMember;

  beforeAll(async () => {
    t = await createTestApp({ worker: false });
    const tenant = await createTenant(t, { slug: 'poperinge', name: 'Poperinge' });
    host = await createMember(t, { tenant, role: 'caregiver', displayName: 'Marleen Vandamme' });
    caregiver = await createMember(t, { tenant, role: 'caregiver', displayName: 'Jozef Peeters' });
    const tenantId = asTenantId(tenant.id);
    const cafes = cafeFixtures(t);
    const cafe = (await cafes.create(
      tenantId,
      cafeInput({ slug: 'de-pastorie', name: 'Mantelzorgcafé De Pastorie' }),
    ))!;
    await t.get(TenantTransaction).run(tenantId, async (em) => {
      await cafes.addHost(em, tenantId, cafe.id, host.membership!.id);
      const [meeting] = await cafes.upcoming(em, tenantId, cafe.id, 1);
      await em.getRepository(Signup).insert({
        tenantId,
        meetingId: meeting.id,
        membershipId: caregiver.membership!.id,
        companions: 1,
        needsRespite: true,
        needsOther: 'Ik kom met de rolstoel',
        status: 'confirmed',
      });
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a caregiver proposes and votes; a host reads sign-ups, prints, attaches: all accessible', async () => {
    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();

    await page.goto(t.url('poperinge', '/cafes/de-pastorie'));
    expect(await page.textContent('main')).toContain('Log in om te stemmen');
    await scan(page);

    await logInWith(page, caregiver, t.url('poperinge', '/inloggen'));
    await page.goto(t.url('poperinge', '/cafes/de-pastorie/wensen'));
    await scan(page);
    await page.check('#kind-speaker');
    await page.fill('#text', '');
    await clickAndWait(page);
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.isChecked('#kind-speaker')).toBe(true);
    await scan(page);
    await page.fill('#text', 'Een ergotherapeut over hulpmiddelen');
    await clickAndWait(page);
    expect(await page.textContent('main')).toContain('Een ergotherapeut over hulpmiddelen');
    await scan(page);
    await page.goto(t.url('poperinge', '/cafes/de-pastorie'));
    expect(await page.textContent('#wensen ~ ul')).toContain('1 stem');
    await clickAndWait(page, 'main form button:has-text("Stem intrekken")');
    expect(new URL(page.url()).pathname).toBe('/cafes/de-pastorie');
    expect(await page.textContent('main')).toContain('Je stem is ingetrokken.');
    await scan(page);
    await clickAndWait(page, 'main form button:has-text("Stem")');
    expect(await page.textContent('main')).toContain('1 stem');

    // The host: sign-ups with needs, the printable list, the wishes.
    await context.clearCookies();
    await logInWith(page, host, t.url('poperinge', '/inloggen'));
    await page.goto(t.url('poperinge', '/cafes/de-pastorie/beheer'));
    await clickAndWait(page, 'text=Aanmeldingen en aanwezigheidslijsten');
    expect(await page.textContent('main')).toContain('Ik kom met de rolstoel');
    await scan(page);
    await clickAndWait(page, 'text=Aanwezigheidslijst om af te drukken >> nth=0');
    expect(await page.textContent('h1')).toBe('Aanwezigheidslijst');
    expect(await page.textContent('main table')).toContain('Jozef Peeters');
    await scan(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.site-header nav')).toBe(false);
    expect(await page.isVisible('main table')).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await page.goto(t.url('poperinge', '/cafes/de-pastorie/beheer/wensen'));
    await scan(page);
    await clickAndWait(page, 'main form button:has-text("Koppel aan bijeenkomst")');
    expect(await page.textContent('main')).toContain('De wens is gekoppeld');
    await scan(page);
    await context.close();
  });
});
