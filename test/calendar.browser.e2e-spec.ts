import type { Browser } from 'playwright-core';
import { TestClock } from '../src/common/clock';
import { asTenantId } from '../src/database/tenant-id';
import { academyFixtures } from './support/academy';
import { clickAndWait, launchBrowser, newCheckedContext } from './support/browser';
import { cafeFixtures, cafeInput } from './support/cafes';
import { createTenant } from './support/factories';
import { brussels, ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The calendar in a real browser, every page scanned with axe: from the home page to the list,
 * a filter chosen in the form, the month, and the month printed: one A4 sheet (landscape), the
 * filters and navigation left out.
 */
const clock = new TestClock(ORDINARY_NOW);

describe('browser: calendar', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp({ worker: false, clock });
    const tenant = await createTenant(t, { slug: 'poperinge', name: 'Poperinge' });
    const tenantId = asTenantId(tenant.id);
    await cafeFixtures(t).create(
      tenantId,
      cafeInput({
        name: 'Mantelzorgcafé De Kouter',
        slug: 'kouter',
        recurrenceRule: 'FREQ=WEEKLY;BYDAY=TU,TH',
      }),
      clock.now(),
    );
    // A busy month: a course with a session on most weekdays, so the printed month is full.
    const sessions = [];
    for (let day = 3; day <= 28; day++) {
      const date = `2027-05-${String(day).padStart(2, '0')}`;
      if (new Date(`${date}T12:00:00Z`).getUTCDay() % 6 === 0) continue;
      sessions.push({ startsAt: brussels(`${date}T09:30`), endsAt: brussels(`${date}T11:30`) });
    }
    await academyFixtures(t).createCourse(tenantId, {
      title: 'Zorgen voor jezelf als mantelzorger',
      slug: 'zorgen-voor-jezelf',
      status: 'published',
      sessions,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('home → calendar → a filter → the month, printed on one A4 sheet', async () => {
    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();
    await page.goto(t.url('poperinge', '/'));
    await clickAndWait(page, 'header a:has-text("Kalender")');
    expect(await page.locator('main h1').textContent()).toBe('Kalender');
    await page.getByLabel('Soort activiteit').selectOption('lotgenotencontact');
    await clickAndWait(page, 'button:has-text("Toon")');
    expect(page.url()).toBe(t.url('poperinge', '/kalender?categorie=lotgenotencontact'));
    expect(await page.locator('main h3').first().textContent()).toContain(
      'Mantelzorgcafé De Kouter',
    );
    expect(await page.textContent('main')).not.toContain('Zorgen voor jezelf');
    await scan(page);
    await clickAndWait(page, 'a:has-text("Alle activiteiten tonen")');
    await clickAndWait(page, 'main a:has-text("Maand")');
    expect(await page.locator('caption').textContent()).toBe('mei 2027');
    await scan(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.calendar-filters').isVisible()).toBe(false);
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    // Each page object of the PDF is one sheet (`/Type /Page`, not the `/Pages` tree).
    const sheets = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(sheets).toHaveLength(1);
    // Landscape A4: the sheet's MediaBox is 842 × 595 points.
    expect(pdf.toString('latin1')).toMatch(
      /\/MediaBox\s*\[\s*0\s+0\s+84[12](\.\d+)?\s+59[45](\.\d+)?\s*\]/,
    );
    await context.close();
  });
});
