import type { Browser } from 'playwright-core';
import { clickAndWait, launchBrowser, newCheckedContext } from './support/browser';
import { createMember, createTenant, type TestMember } from './support/factories';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Journey in a real browser: a platform admin logs in on the platform site, creates a
 * municipality, and the invited first admin opens the e-mailed link, accepts and lands in the
 * municipality's admin area. Every page visited gets an axe scan (WCAG 2.2 AA).
 */
describe('browser: a platform admin creates a municipality and its admin accepts the invitation', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let browser: Browser;
  let platformAdmin: TestMember;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url });
    await createTenant(t, { slug: 'poperinge', name: 'Poperinge', province: 'West-Vlaanderen' });
    platformAdmin = await createMember(t, {
      platformAdmin: true,
      email: 'platform@mantelzorghub.test',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.close();
  });

  it('goes from the console to a working municipality with its own admin', async () => {
    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();

    // The platform site and its login.
    await page.goto(t.url(null, '/'));
    await scan(page);
    await page.goto(t.url(null, '/beheer'));
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await scan(page);
    await page.fill('#email', platformAdmin.email);
    await page.fill('#password', platformAdmin.password);
    await clickAndWait(page);
    await page.goto(t.url(null, '/beheer'));
    expect(await page.textContent('h1')).toBe('Beheer van het platform');
    await scan(page);

    // The form, first with mistakes: the errors are announced and tied to their fields.
    await clickAndWait(page, 'text=Nieuwe gemeente aanmaken');
    expect(await page.textContent('h1')).toBe('Nieuwe gemeente');
    await scan(page);
    await page.fill('#name', 'Alveringem');
    await page.fill('#slug', 'poperinge');
    await page.selectOption('#province', 'West-Vlaanderen');
    await page.fill('#contactEmail', 'sociaalhuis@alveringem.be');
    await page.fill('#adminEmail', 'Griet.Vandamme@alveringem.be');
    await clickAndWait(page);
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.textContent('.error-summary')).toContain(
      'Het webadres "poperinge" is al in gebruik door Poperinge.',
    );
    expect(await page.inputValue('#adminEmail')).toBe('Griet.Vandamme@alveringem.be');
    await scan(page);

    await page.fill('#slug', 'alveringem');
    await page.fill('#nisCode', '38002');
    await clickAndWait(page);
    expect(new URL(page.url()).pathname).toBe('/beheer/gemeenten/alveringem');
    expect(await page.textContent('main')).toContain('Alveringem is aangemaakt.');
    await scan(page);

    // The console lists it.
    await page.goto(t.url(null, '/beheer'));
    expect(await page.textContent('main table')).toContain('Alveringem');
    await scan(page);
    await context.close();

    // The invited admin, in their own browser, opens the link from the e-mail.
    const mail = await sink.waitFor((m) => recipient(m) === 'griet.vandamme@alveringem.be');
    const link = /https?:\/\/[^\s"<>]+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    expect(link!.startsWith(t.url('alveringem', '/uitnodiging/'))).toBe(true);

    const invited = await newCheckedContext(browser);
    const page2 = await invited.context.newPage();
    await page2.goto(link!);
    await invited.scan(page2);
    await page2.fill('[name=displayName]', 'Griet Vandamme');
    if (await page2.locator('[name=password]').count()) {
      await page2.fill('[name=password]', 'Een-sterk-wachtwoord-voor-Alveringem');
    }
    await page2.check('[name=consent]');
    await clickAndWait(page2);
    const landed = new URL(page2.url());
    expect(landed.host).toBe(`alveringem.localhost:${t.port}`);
    expect(landed.pathname).toBe('/beheer');
    expect(await page2.textContent('main')).toContain('Alveringem');
    await invited.scan(page2);

    // Their session belongs to Alveringem's host and opens its admin area.
    await page2.goto(t.url('alveringem', '/'));
    expect(await page2.textContent('h1')).toContain('Alveringem');
    await invited.scan(page2);
    await invited.context.close();
  });
});
