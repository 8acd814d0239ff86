import type { Browser } from 'playwright-core';
import { Signup } from '../src/cafes/signups/entities/signup.entity';
import { SignupsService } from '../src/cafes/signups/signups.service';
import { asTenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { clickAndWait, launchBrowser, logInWith, newCheckedContext } from './support/browser';
import { cafeInput, cafeFixtures } from './support/cafes';
import { createMember, createTenant, type TestMember } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Signing up in a real browser, with an axe scan (WCAG 2.2 AA) of every page: an anonymous visitor
 * is asked to log in, a caregiver signs up with a companion and a need, follows the café, sees
 * "mijn aanmeldingen" and cancels there.
 */
describe('browser: café sign-up', () => {
  let t: TestApp;
  let browser: Browser;
  let caregiver: TestMember;
  let tenantId: ReturnType<typeof asTenantId>;

  beforeAll(async () => {
    t = await createTestApp();
    const tenant = await createTenant(t, { slug: 'poperinge', name: 'Poperinge' });
    tenantId = asTenantId(tenant.id);
    caregiver = await createMember(t, { tenant, role: 'caregiver', displayName: 'Rita Peeters' });
    await cafeFixtures(t).create(
      tenantId,
      cafeInput({ slug: 'de-pastorie', name: 'Mantelzorgcafé De Pastorie' }),
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a caregiver signs up with a companion and a need, sees "mijn aanmeldingen" and cancels', async () => {
    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();
    await page.goto(t.url('poperinge', '/cafes/de-pastorie'));
    await clickAndWait(page, '.meeting-list a >> nth=0');
    const meetingUrl = page.url();
    expect(await page.textContent('main')).toContain('Inloggen om je aan te melden');
    await scan(page);

    // Log in from the meeting page and come back to it.
    await clickAndWait(page, 'text=Inloggen om je aan te melden');
    await logInWith(page, caregiver);
    expect(page.url()).toBe(meetingUrl);
    await scan(page);

    // Text the input guard refuses (a control character, as a tampered page could send): the
    // meeting page again with the error at the field and the choices kept, scanned as well.
    await page.selectOption('#companions', '1');
    await page.check('#transport');
    await page.$eval('#otherNeed', (el: { value: string }) => (el.value = 'Rolstoel\u0007'));
    await clickAndWait(page, 'button:has-text("Aanmelden")');
    expect(await page.getAttribute('#otherNeed', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#otherNeed')).toBe('Rolstoel');
    expect(await page.isChecked('#transport')).toBe(true);
    await scan(page);
    await page.fill('#otherNeed', '');

    await clickAndWait(page, 'button:has-text("Aanmelden")');
    expect(await page.textContent('[role="status"]')).toContain('Je bent aangemeld');
    expect(await page.textContent('main')).toContain('Je brengt 1 persoon mee.');
    await scan(page);
    const rows = await t
      .get(TenantTransaction)
      .run(tenantId, (em) => em.getRepository(Signup).findBy({ tenantId }));
    expect(rows).toMatchObject([{ companions: 1, needsTransport: true, status: 'confirmed' }]);

    // The one-click link from the confirmation mail: one button, nothing changes on opening.
    const token = await t
      .get(TenantTransaction)
      .run(tenantId, (em) =>
        t.get(SignupsService).cancelTokenFor(em, tenantId, rows[0].meetingId, rows[0].membershipId),
      );
    await page.goto(t.url('poperinge', `/e/afmelden/${token}`));
    expect(await page.textContent('main')).toContain('Ja, meld me af');
    await scan(page);
    await page.goto(meetingUrl);

    await clickAndWait(page, 'button:has-text("Dit café volgen")');
    expect(await page.textContent('[role="status"]')).toContain('Je volgt nu');
    await scan(page);

    await page.goto(t.url('poperinge', '/mijn-aanmeldingen'));
    expect(await page.textContent('h1')).toBe('Mijn aanmeldingen');
    expect(await page.textContent('main')).toContain('Mantelzorgcafé De Pastorie');
    await scan(page);
    await clickAndWait(page, '.signup-list button');
    expect(await page.textContent('[role="status"]')).toContain('Je bent afgemeld');
    expect(await page.textContent('main')).toContain(
      'Je bent voor geen enkele bijeenkomst aangemeld.',
    );
    await scan(page);
    await context.close();
  });
});
