import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { asTenantId } from '../src/database/tenant-id';
import { clickAndWait, launchBrowser, logInWith, newCheckedContext } from './support/browser';
import { cafeInput, cafeFixtures } from './support/cafes';
import { createMember, createTenant, type TestMember } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The café photo in a real browser, each page scanned by axe (WCAG 2.2 AA): the admin's café page
 * without a photo, the photo form with errors, with a photo, and the public pages showing it.
 */
describe('browser: café photo', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestMember;

  beforeAll(async () => {
    t = await createTestApp();
    const tenant = await createTenant(t, { slug: 'poperinge', name: 'Poperinge' });
    admin = await createMember(t, { tenant, role: 'tenant_admin', displayName: 'Beheerder' });
    await cafeFixtures(t).create(
      asTenantId(tenant.id),
      cafeInput({ slug: 'de-pastorie', name: 'Mantelzorgcafé De Pastorie' }),
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('uploads a photo (first without a description), then shows it on the café pages', async () => {
    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();
    await logInWith(page, admin, t.url('poperinge', '/inloggen'));
    await page.goto(t.url('poperinge', '/beheer/cafes/de-pastorie'));
    await scan(page);

    const photo = await sharp({
      create: { width: 2000, height: 1200, channels: 3, background: '#7a5230' },
    })
      .jpeg()
      .toBuffer();
    await page.setInputFiles('#photo', {
      name: 'pastorie.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await clickAndWait(page, 'button:has-text("Foto opslaan")');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.textContent('.error-summary')).toContain('Beschrijf in een korte zin');
    await scan(page);
    // The summary's link leads to the description field.
    await page.click('.error-summary a');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      'photoAlt',
    );

    await page.setInputFiles('#photo', {
      name: 'pastorie.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await page.fill('#photoAlt', 'De voorgevel van de pastorie met de groene deur');
    await clickAndWait(page, 'button:has-text("Foto opslaan")');
    expect(await page.textContent('main')).toContain(
      'De foto van Mantelzorgcafé De Pastorie is opgeslagen.',
    );
    expect(await page.getAttribute('.cafe-photo-preview', 'alt')).toBe(
      'De voorgevel van de pastorie met de groene deur',
    );
    await scan(page);

    await page.goto(t.url('poperinge', '/cafes/de-pastorie'));
    const img = page.locator('img.cafe-photo');
    expect(await img.getAttribute('alt')).toBe('De voorgevel van de pastorie met de groene deur');
    // Loaded, and never wider than the page's text column.
    expect(await page.evaluate("document.querySelector('img.cafe-photo').naturalWidth")).toBe(1600);
    const [photoBox, mainBox] = [await img.boundingBox(), await page.locator('main').boundingBox()];
    expect(photoBox!.width).toBeGreaterThan(0);
    expect(photoBox!.x + photoBox!.width).toBeLessThanOrEqual(mainBox!.x + mainBox!.width);
    await scan(page);
    await page.goto(t.url('poperinge', '/cafes'));
    expect(await page.getAttribute('img.card-photo', 'alt')).toBe(
      'De voorgevel van de pastorie met de groene deur',
    );
    await scan(page);
    await context.close();
  });
});
