import type { Browser } from 'playwright-core';
import { CafeFollow } from '../src/cafes/follows/entities/cafe-follow.entity';
import { Signup } from '../src/cafes/signups/entities/signup.entity';
import { ReminderPlannerService } from '../src/cafes/reminders/reminder-planner.service';
import { Membership } from '../src/auth/entities/membership.entity';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { clickAndWait, launchBrowser, logInWith, newCheckedContext } from './support/browser';
import { createMember, createTenant, type TestMember } from './support/factories';
import { calendarDaysAfter, ORDINARY_NOW } from './support/nows';
import { backdate, linkIn, meetingAt, ruleFreeCafe } from './support/reminders';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The reminder journey in a real browser, every page scanned with axe (WCAG 2.2 AA): a caregiver
 * follows a café and signs up; the reminders arrive in the SMTP sink; from the mail (no login)
 * she signs up for the next meeting with one click, cancels the first, and unsubscribes.
 * At a fixed "now", in calendar days ("over 3 dagen" is three local dates ahead, whatever the day).
 */
const clock = new TestClock(ORDINARY_NOW);
const daysAhead = (days: number) => calendarDaysAfter(clock.now(), days);

describe('browser: café reminders', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let browser: Browser;
  let tenant: Tenant;
  let tenantId: TenantId;
  let rita: TestMember;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url, clock });
    tenant = await createTenant(t, { slug: 'veurne', name: 'Veurne' });
    tenantId = asTenantId(tenant.id);
    rita = await createMember(t, {
      tenant,
      email: 'rita@example.be',
      displayName: 'Rita Peeters',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.close();
  });

  const row = <T>(work: Parameters<TenantTransaction['run']>[1]) =>
    t.get(TenantTransaction).run(tenantId, work) as Promise<T>;

  it('follow, sign up, reminder in the mailbox, one-click sign-up, cancel and unsubscribe links', async () => {
    const cafe = await ruleFreeCafe(t, tenant, 'de-zonnebloem');
    const first = await meetingAt(t, cafe, daysAhead(3));
    const second = await meetingAt(t, cafe, daysAhead(4));

    const { context, scan } = await newCheckedContext(browser);
    const page = await context.newPage();
    await logInWith(page, rita, t.url('veurne', '/inloggen'));
    await page.goto(t.url('veurne', '/cafes/de-zonnebloem'));
    await clickAndWait(page, 'button:has-text("Dit café volgen")');
    expect(await page.textContent('[role="status"]')).toContain('Je volgt nu');
    await scan(page);
    await page.goto(t.url('veurne', `/cafes/de-zonnebloem/${first.key}`));
    await clickAndWait(page, 'button:has-text("Aanmelden")');
    expect(await page.textContent('[role="status"]')).toContain('Je bent aangemeld');
    await scan(page);
    await context.close();

    // She followed and signed up ten days ago: both meetings' 7-day reminders are due now.
    await backdate(t, [rita.membership!.id], daysAhead(-10));
    await t.get(ReminderPlannerService).planTenant(tenant);
    const subjectOf = (m: { subject?: string }) => m.subject ?? '';
    const signedUpReminder = await sink.waitFor(
      (m) =>
        recipient(m) === rita.email &&
        subjectOf(m).startsWith('Herinnering') &&
        subjectOf(m).includes('over 3 dagen'),
    );
    const followerReminder = await sink.waitFor(
      (m) =>
        recipient(m) === rita.email &&
        subjectOf(m).startsWith('Herinnering') &&
        subjectOf(m).includes('over 4 dagen'),
    );
    expect(signedUpReminder.text).toContain('je bent aangemeld');
    expect(followerReminder.text).toContain('je volgt dit café');

    // The links work without logging in (a fresh browser, as from a mail program).
    const fromMail = await newCheckedContext(browser);
    const mailPage = await fromMail.context.newPage();

    await mailPage.goto(linkIn(followerReminder, '/e/aanmelden/'));
    expect(await mailPage.textContent('h1')).toBe('Aanmelden');
    await fromMail.scan(mailPage);
    await clickAndWait(mailPage, 'button:has-text("Ja, meld mij aan")');
    expect(await mailPage.textContent('h1')).toBe('Je bent aangemeld');
    await fromMail.scan(mailPage);
    const secondSignup = await row<Signup | null>((em) =>
      em
        .getRepository(Signup)
        .findOneBy({ tenantId, meetingId: second.id, membershipId: rita.membership!.id }),
    );
    expect(secondSignup?.status).toBe('confirmed');

    await mailPage.goto(linkIn(signedUpReminder, '/e/afmelden/'));
    await fromMail.scan(mailPage);
    await clickAndWait(mailPage, 'button:has-text("Ja, meld me af")');
    expect(await mailPage.textContent('h1')).toBe('Je bent afgemeld');
    await fromMail.scan(mailPage);

    await mailPage.goto(linkIn(signedUpReminder, '/e/herinneringen/'));
    expect(await mailPage.textContent('main')).toContain(
      'Wil je geen herinneringen meer krijgen van Café de-zonnebloem?',
    );
    await fromMail.scan(mailPage);
    await clickAndWait(mailPage, 'button:has-text("Ja, stop de herinneringen van dit café")');
    expect(await mailPage.textContent('h1')).toBe('De herinneringen zijn uit');
    await fromMail.scan(mailPage);
    const follow = await row<CafeFollow>((em) =>
      em
        .getRepository(CafeFollow)
        .findOneByOrFail({ tenantId, cafeId: cafe.id, membershipId: rita.membership!.id }),
    );
    expect(follow.reminders).toBe('none');

    // The offer to stop all of them.
    await clickAndWait(mailPage, 'button:has-text("Ja, stop alle herinneringen")');
    expect(await mailPage.textContent('h1')).toBe('Alle herinneringen zijn uit');
    await fromMail.scan(mailPage);
    const membership = await row<Membership>((em) =>
      em.getRepository(Membership).findOneByOrFail({ tenantId, id: rita.membership!.id }),
    );
    expect(membership.cafeReminders).toBe('none');
    await fromMail.context.close();
  });
});
