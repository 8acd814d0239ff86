import type { Browser } from 'playwright-core';
import { TestClock } from '../src/common/clock';
import { asTenantId } from '../src/database/tenant-id';
import { CafeFinderCopyService } from '../src/cafes/finder/cafe-finder-copy.service';
import { GuideLocalService } from '../src/guide/pages/guide-local.service';
import { DEMO_GENERAL_GUIDE_PAGES } from '../src/guide/seed/demo-guide';
import { clickAndWait, launchBrowser, logInWith, newCheckedContext } from './support/browser';
import { cafeFixtures, cafeInput } from './support/cafes';
import { queryAs } from './support/database';
import { createMember, createTenant, type TestMember } from './support/factories';
import { guideFixtures } from './support/guide-pages';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The Wegwijzer's reader journey in a real browser, every page scanned with axe: a visitor without
 * an account goes from /wegwijzer to a theme and a question with the hub's local part, answers
 * "Was dit nuttig?" with "nee", tells what they were looking for, and is back on the page with a
 * thank-you; the browser never got a cookie. An admin imports care organisations from a CSV
 * file: a file with a bad row shows the errors per row, the corrected one a preview, and after
 * "Bevestigen" the organisations are in the directory. On the platform site, someone looks for a
 * café from the home page: a postcode we do not know, a town with a hub, one without (the request
 * form, filled in with the municipality).
 */
const clock = new TestClock(ORDINARY_NOW);

describe('browser: guide', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestMember;

  beforeAll(async () => {
    t = await createTestApp({ worker: false, clock });
    const tenant = await createTenant(t, { slug: 'veurne', name: 'Veurne' });
    admin = await createMember(t, { tenant, role: 'tenant_admin' });
    const page = await guideFixtures(t).general({
      title: 'Wat is kortverblijf?',
      slug: 'kortverblijf',
      theme: 'respijtzorg-en-opvang',
    });
    await t
      .get(GuideLocalService)
      .saveLocalPart(asTenantId(tenant.id), page.id, 'In Veurne kan dat in **De Zeemeeuw**.');
    const poperinge = await createTenant(t, {
      slug: 'poperinge',
      name: 'Poperinge',
      nisCode: '33021',
    });
    await cafeFixtures(t).create(
      asTenantId(poperinge.id),
      cafeInput({ name: 'Mantelzorgcafé De Hoppeschuur', slug: 'hoppeschuur' }),
      clock.now(),
    );
    await t.get(CafeFinderCopyService).copyHub(poperinge);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('wegwijzer → theme → question with the local part → "nee" → comment → thanks, without a cookie', async () => {
    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();
    await page.goto(t.url('veurne', '/wegwijzer'));
    await clickAndWait(page, 'main h2 a:has-text("Respijtzorg en opvang")');
    await clickAndWait(page, 'main a:has-text("Wat is kortverblijf?")');
    expect(await page.locator('#lokaal').textContent()).toBe('In Veurne');
    expect(await page.locator('section[aria-labelledby="lokaal"] strong').textContent()).toBe(
      'De Zeemeeuw',
    );
    await scan(page);
    await clickAndWait(page, 'button:has-text("Nee")');
    await page.getByLabel('Wat zocht je? (niet verplicht)').fill('De prijs per nacht.');
    await scan(page);
    await clickAndWait(page, 'button:has-text("Versturen")');
    expect(page.url()).toBe(t.url('veurne', '/wegwijzer/kortverblijf?bedankt=1#nuttig'));
    expect(await page.getByRole('status').textContent()).toContain('Bedankt voor je antwoord.');
    expect(await context.cookies()).toEqual([]);
    const [vote] = await queryAs<{ useful: boolean; comment: string }>(
      t.db.adminUrl,
      'select useful, comment from general_guide_votes',
    );
    expect(vote).toEqual({ useful: false, comment: 'De prijs per nacht.' });
    await context.close();
  });

  it('imports organisations: the errors per row, then a preview, then the directory', async () => {
    const header = 'naam;soort;aanbod;telefoon';
    const file = (rows: string[]) => ({
      name: 'organisaties.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`),
    });
    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();
    await logInWith(page, admin, t.url('veurne', '/inloggen'));
    await page.goto(t.url('veurne', '/beheer/hulp-in-de-buurt/importeren'));
    await page
      .getByLabel('CSV-bestand')
      .setInputFiles(
        file([
          'Dagcentrum Ter Duinen;Dagopvang;Overdag opvang.;058 11 22 33',
          'Oppas;Oppasdienst;Oppas thuis.;12',
        ]),
      );
    await clickAndWait(page, 'button:has-text("Bestand nakijken")');
    expect(await page.locator('table tbody tr').allTextContents()).toEqual([
      expect.stringContaining('3telefoon'),
    ]);
    await scan(page);
    await page
      .getByLabel('CSV-bestand')
      .setInputFiles(
        file([
          'Dagcentrum Ter Duinen;Dagopvang;Overdag opvang.;058 11 22 33',
          'Oppas;Oppasdienst;Oppas thuis.;058 44 55 66',
        ]),
      );
    await clickAndWait(page, 'button:has-text("Bestand nakijken")');
    expect(await page.locator('h2#klaar').textContent()).toBe(
      '2 organisaties zijn klaar om toe te voegen',
    );
    await scan(page);
    await clickAndWait(page, 'button:has-text("Bevestigen en toevoegen")');
    expect(await page.textContent('main')).toContain('2 organisaties zijn toegevoegd.');
    await page.goto(t.url('veurne', '/hulp-in-de-buurt'));
    expect(await page.locator('main h2 a').allTextContents()).toEqual([
      'Dagcentrum Ter Duinen',
      'Oppas',
    ]);
    await context.close();
  });

  it('prints the longest demo page on at most two A4 sheets, without the navigation', async () => {
    const longest = [...DEMO_GENERAL_GUIDE_PAGES].sort((a, b) => b.body.length - a.body.length)[0];
    await guideFixtures(t).general({
      title: longest.title,
      slug: 'lang',
      answer: longest.answer,
      body: longest.body,
    });
    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();
    await page.goto(t.url('veurne', '/wegwijzer/lang'));
    await scan(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    expect(await page.locator('#nuttig').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    // Each page object of the PDF is one sheet (`/Type /Page`, not the `/Pages` tree).
    const sheets = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(sheets.length).toBeGreaterThanOrEqual(1);
    expect(sheets.length).toBeLessThanOrEqual(2);
    await context.close();
  });

  it('finds a café from the platform home: unknown postcode, a town with a hub, one without', async () => {
    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();
    await page.goto(t.url(null, '/'));
    await clickAndWait(page, 'main a:has-text("Zoek een Mantelzorgcafé")');
    const search = async (q: string) => {
      await page.getByLabel('Jouw gemeente, deelgemeente of postcode').fill(q);
      await clickAndWait(page, 'button:has-text("Zoek een café")');
    };
    await search('9999');
    expect(await page.locator('.error-summary').textContent()).toContain(
      'De postcode 9999 kennen we niet in Vlaanderen.',
    );
    await scan(page);
    await search('Reningelst');
    expect(await page.locator('main h1').textContent()).toBe('Mantelzorgcafés bij Reningelst');
    expect(await page.locator('main h3').first().textContent()).toContain(
      'Mantelzorghub Poperinge',
    );
    expect(await page.textContent('main')).toContain('Mantelzorgcafé De Hoppeschuur');
    await scan(page);
    await search('8647');
    expect(await page.textContent('main')).toContain(
      'Er is nog geen Mantelzorghub in jouw gemeente',
    );
    await scan(page);
    await clickAndWait(page, 'a:has-text("Vraag een Mantelzorghub aan voor Lo-Reninge")');
    expect(await page.getByLabel('Naam van je stad of gemeente').inputValue()).toBe('Lo-Reninge');
    await context.close();
  });
});
