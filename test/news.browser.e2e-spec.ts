import type { Browser } from 'playwright-core';
import { TestClock } from '../src/common/clock';
import { clickAndWait, launchBrowser, logInWith, newCheckedContext } from './support/browser';
import { createMember, createTenant, type TestMember } from './support/factories';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The news's journey in a real browser, every page scanned with axe (WCAG 2.2 AA): a hub admin
 * writes an article, looks at the preview (which saves nothing, the form keeps what she typed),
 * saves it; a visitor without an account reads it on the home page, on /nieuws and on its own page.
 */
const clock = new TestClock(ORDINARY_NOW);
const TITLE = 'De mantelzorgpremie voor 2027 aanvragen';

describe('browser: news', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestMember;

  beforeAll(async () => {
    t = await createTestApp({ worker: false, clock });
    const tenant = await createTenant(t, { slug: 'veurne', name: 'Veurne' });
    admin = await createMember(t, { tenant, role: 'tenant_admin', displayName: 'Lies' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('write → preview (nothing saved, input kept) → save → read on the home page, /nieuws and its page', async () => {
    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();
    await logInWith(page, admin, t.url('veurne', '/inloggen'));
    await page.goto(t.url('veurne', '/beheer/nieuws'));
    await clickAndWait(page, 'main a:has-text("Nieuw bericht schrijven")');
    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    await page
      .getByLabel('Korte samenvatting')
      .fill('Vanaf januari kan je de premie opnieuw aanvragen.');
    await page
      .getByLabel('Tekst van het bericht')
      .fill(
        'Je hebt nodig:\n\n- je identiteitskaart\n- het attest van de zorgkas\n\n' +
          'Meer uitleg op [vlaanderen.be](https://www.vlaanderen.be/mantelzorg).',
      );

    await clickAndWait(page, 'button:has-text("Voorbeeld bekijken")');
    const preview = page.locator('section[aria-labelledby="voorbeeld"]');
    expect(await preview.locator('li').allTextContents()).toEqual([
      'je identiteitskaart',
      'het attest van de zorgkas',
    ]);
    expect(await preview.locator('a').getAttribute('rel')).toBe('noopener');
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(TITLE);
    await scan(page);
    // Nothing saved yet: the list has no article.
    const list = await context.newPage();
    await list.goto(t.url('veurne', '/beheer/nieuws'));
    expect(await list.textContent('main')).not.toContain(TITLE);
    await list.close();

    // A new article is a draft until she chooses otherwise.
    expect(await page.locator('#status-draft').isChecked()).toBe(true);
    await page.locator('#status-published').check();
    await clickAndWait(page, 'button:has-text("Bericht bewaren")');
    expect(await page.textContent('main')).toContain(TITLE);
    await scan(page);

    // A visitor without an account.
    const visitor = await newCheckedContext(browser);
    const reader = await visitor.context.newPage();
    await reader.goto(t.url('veurne', '/'));
    expect(await reader.textContent('main')).toContain(TITLE);
    await reader.goto(t.url('veurne', '/nieuws'));
    await clickAndWait(reader, `main a:has-text("${TITLE}")`);
    expect(await reader.locator('h1').textContent()).toBe(TITLE);
    expect(await reader.locator('main li').allTextContents()).toContain(
      'het attest van de zorgkas',
    );
    await scan(reader);
    await visitor.context.close();
    await context.close();
  });
});
