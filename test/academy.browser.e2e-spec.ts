import * as ical from 'node-ical';
import type { Browser } from 'playwright-core';
import { Certificate } from '../src/academy/common/entities/certificate.entity';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { academyFixtures } from './support/academy';
import { clickAndWait, launchBrowser, logInWith, newCheckedContext } from './support/browser';
import { createMember, createTenant, type TestMember } from './support/factories';
import { ORDINARY_NOW } from './support/nows';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The academy's journey in a real browser, every page scanned with axe (WCAG 2.2 AA): a caregiver
 * finds a two-session track in the catalogue, opens it, enrols answering its questions, and gets
 * the confirmation mail with one valid .ics holding both sessions; after the sessions the trainer
 * marks her present on the attendance list; she downloads her certificate from "mijn opleidingen"
 * and its code checks out on /attest/<code>.
 */
const clock = new TestClock(ORDINARY_NOW);
const DAY = 24 * 3600_000;

describe('browser: academy', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let browser: Browser;
  let tenantId: TenantId;
  let rita: TestMember;
  let trainer: TestMember;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url, clock });
    const tenant = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    tenantId = asTenantId(tenant.id);
    rita = await createMember(t, {
      tenant,
      email: 'rita@example.be',
      displayName: 'Rita Peeters',
    });
    trainer = await createMember(t, {
      tenant,
      role: 'professional',
      displayName: 'An Vormingplus',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.close();
  });

  it('catalogue → course → enrol with answers → mail with .ics → attendance → certificate', async () => {
    const first = new Date(clock.now().getTime() + 7 * DAY);
    const second = new Date(clock.now().getTime() + 14 * DAY);
    const { course } = await academyFixtures(t).createCourse(tenantId, {
      slug: 'zorgen-zonder-jezelf-te-vergeten',
      title: 'Zorgen zonder jezelf te vergeten',
      kind: 'track',
      capacity: 12,
      trainerMembershipId: trainer.membership!.id,
      sessions: [
        { startsAt: first, title: 'Je grenzen kennen' },
        { startsAt: second, title: 'Hulp vragen' },
      ],
      questions: [
        { kind: 'text', label: 'Voor wie zorg je?', required: true },
        { kind: 'yes_no', label: 'Ik heb opvang nodig voor mijn naaste' },
      ],
    });

    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();
    await logInWith(page, rita, t.url('ieper', '/inloggen'));
    await page.goto(t.url('ieper', '/academie'));
    expect(await page.textContent('main')).toContain('Zorgen zonder jezelf te vergeten');
    await scan(page);
    await clickAndWait(page, 'main a:has-text("Zorgen zonder jezelf te vergeten")');
    expect(page.url()).toBe(t.url('ieper', `/academie/${course.slug}`));
    await scan(page);

    // The required question left empty: the page again, the error at the question.
    await clickAndWait(page, 'button:has-text("Schrijf me in")');
    expect(await page.textContent('main')).toContain('Voor wie zorg je?');
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await scan(page);
    await page.getByLabel('Voor wie zorg je?').fill('Mijn moeder');
    await page.getByLabel('Ja').check();
    await clickAndWait(page, 'button:has-text("Schrijf me in")');
    expect(await page.textContent('main')).toContain('Je bent ingeschreven');
    await scan(page);

    // The confirmation mail: one .ics with both sessions, each with its own UID.
    const mail = await sink.waitFor(
      (m) => recipient(m) === 'rita@example.be' && /ingeschreven/i.test(m.subject ?? ''),
    );
    const ics = mail.attachments.find((a) => /calendar/.test(a.contentType));
    expect(ics).toBeDefined();
    const events = Object.values(ical.sync.parseICS(ics!.content.toString('utf8'))).filter(
      (c): c is ical.VEvent => c?.type === 'VEVENT',
    );
    expect(events.map((e) => new Date(e.start).getTime()).sort()).toEqual([
      first.getTime(),
      second.getTime(),
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);

    // After both sessions: the trainer marks Rita present on each attendance list.
    clock.set(new Date(second.getTime() + DAY));
    const trainerContext = await newCheckedContext(browser);
    const trainerPage = await trainerContext.context.newPage();
    await logInWith(trainerPage, trainer, t.url('ieper', '/inloggen'));
    for (const n of [1, 2]) {
      await trainerPage.goto(t.url('ieper', `/beheer/academie/${course.slug}/aanwezigheid`));
      await trainerContext.scan(trainerPage);
      await clickAndWait(trainerPage, `main a[href*="/aanwezigheid/"] >> nth=${n - 1}`);
      await trainerPage.getByLabel('aanwezig', { exact: true }).check();
      await clickAndWait(trainerPage, 'button:has-text("Aanwezigheid bewaren")');
      await trainerContext.scan(trainerPage);
    }
    await trainerContext.context.close();

    // Rita downloads her certificate and checks its code.
    await page.goto(t.url('ieper', '/mijn-opleidingen'));
    await scan(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Download je attest")'),
    ]);
    const pdf = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [certificate] = await t
      .get(TenantTransaction)
      .run(tenantId, (em) => em.getRepository(Certificate).findBy({ tenantId }));
    expect(certificate).toMatchObject({ holderName: 'Rita Peeters', revokedAt: null });
    await page.goto(t.url('ieper', `/attest/${certificate.code}`));
    expect(await page.textContent('main')).toContain('Rita Peeters');
    expect(await page.textContent('main')).toContain('Zorgen zonder jezelf te vergeten');
    await scan(page);
    await context.close();
  });
});
