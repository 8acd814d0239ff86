import type { Browser, Page } from 'playwright-core';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { launchBrowser, newCheckedContext } from './support/browser';
import { createMember, createTenant } from './support/factories';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

/** Journeys in a real browser (Debian chromium), with an axe scan of every page visited. */
describe('auth in the browser', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let browser: Browser;
  let gent: Tenant;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
    await sink.close();
  });

  async function mailedLink(email: string, path: string): Promise<string> {
    const mail = await sink.waitFor(
      (m) => recipient(m) === email && new RegExp(`${path}/`).test(m.text ?? ''),
    );
    const match = new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_-]+`).exec(mail.text ?? '');
    if (!match) throw new Error(`no ${path} link in "${mail.subject}"`);
    return match[0];
  }

  it('register, verify by the e-mailed link, log out, log in with the password', async () => {
    const { context, scan } = await newCheckedContext(browser);
    const page: Page = await context.newPage();
    const email = `browser-${Date.now()}@example.be`;
    const password = 'Mijn-eigen-wachtwoord';

    await page.goto(t.url('gent', '/'));
    await scan(page);
    await page.getByRole('link', { name: 'Doe mee: maak een account' }).click();
    await page.waitForURL('**/registreren');
    await scan(page);

    // Submitting an incomplete form shows the error summary (scanned too).
    await page.getByRole('button', { name: 'Account maken' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    await scan(page);

    await page.getByLabel('Je naam').fill('Jan');
    await page.getByLabel('Je e-mailadres').fill(email);
    await page.getByLabel('Kies een wachtwoord (niet verplicht)').fill(password);
    await page
      .getByLabel('Ik ga akkoord met de privacyverklaring en de gebruiksvoorwaarden')
      .check();
    await page.getByRole('button', { name: 'Account maken' }).click();
    await page.getByRole('heading', { name: 'Kijk in je mailbox' }).waitFor();
    await scan(page);

    await page.goto(await mailedLink(email, '/bevestigen'));
    await scan(page);
    await page.getByRole('button', { name: 'Bevestig mijn account' }).click();
    await page.getByText('Je account bij de Mantelzorghub Gent is klaar').waitFor();
    await scan(page);

    await page.getByRole('link', { name: 'Mijn account' }).click();
    await page.getByRole('heading', { name: 'Mijn account' }).waitFor();
    expect(await page.getByLabel('Je naam').inputValue()).toBe('Jan');
    await scan(page);

    await page.getByRole('link', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { name: 'Uitloggen' }).waitFor();
    await scan(page);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { name: 'Je bent uitgelogd' }).waitFor();
    await scan(page);

    await page.getByRole('link', { name: 'Opnieuw inloggen' }).click();
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill('niet-mijn-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('E-mailadres of wachtwoord klopt niet').first().waitFor();
    await scan(page);
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('Je bent ingelogd.').waitFor();
    await scan(page);
    await context.close();
  });

  it('log in by an e-mailed link', async () => {
    const member = await createMember(t, { tenant: gent, displayName: 'Mieke' });
    const { context, scan } = await newCheckedContext(browser);
    const page: Page = await context.newPage();

    await page.goto(t.url('gent', '/inloggen'));
    await scan(page);
    await page
      .getByRole('link', { name: 'Inloggen zonder wachtwoord, met een link in je e-mail' })
      .click();
    await page.getByRole('heading', { name: 'Inloggen met een link in je e-mail' }).waitFor();
    await scan(page);
    await page.getByLabel('E-mailadres').fill(member.email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.getByRole('heading', { name: 'Kijk in je mailbox' }).waitFor();
    await scan(page);

    await page.goto(await mailedLink(member.email, '/inloggen/link'));
    await scan(page);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('Je bent ingelogd.').waitFor();
    await scan(page);
    await page.getByRole('link', { name: 'Mijn account' }).click();
    await page.getByText(member.email).first().waitFor();
    await scan(page);
    await context.close();
  });
});
