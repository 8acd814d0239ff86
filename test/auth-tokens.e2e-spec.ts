import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthTokensService } from '../src/auth/auth-tokens.service';
import { AuthToken } from '../src/auth/entities/auth-token.entity';
import { ACCOUNT_JOBS, ACCOUNT_SCHEDULERS } from '../src/auth/jobs/accounts.constants';
import { QUEUES } from '../src/jobs/job-defaults';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { csrfFrom, csrfIn } from './support/csrf';
import { eventually } from './support/eventually';
import { createMember, createTenant, TEST_PASSWORD, type TestMember } from './support/factories';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, hostFor, type TestApp } from './support/test-app';

type Agent = ReturnType<typeof request.agent>;

/** Item 4 of the hardening issue: auth tokens are purged daily and revoked with the sessions. */
describe('auth tokens: daily purge, revoked with the sessions', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let gent: Tenant;
  let accounts: Queue;
  let tokens: AuthTokensService;
  let dataSource: DataSource;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    accounts = t.app.get<Queue>(getQueueToken(QUEUES.accounts));
    tokens = t.get(AuthTokensService);
    dataSource = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  async function login(agent: Agent, email: string, password = TEST_PASSWORD): Promise<void> {
    const token = await csrfFrom(agent, '/inloggen');
    await agent.post('/inloggen').type('form').send({ _csrf: token, email, password }).expect(303);
  }

  /** Asks for a login or reset link by the form and returns the link's path from the mail. */
  async function mailedLink(
    member: TestMember,
    form: '/inloggen/link' | '/wachtwoord-vergeten',
  ): Promise<string> {
    const agent = t.agent('gent');
    const before = sink.messages.length;
    const token = await csrfFrom(agent, form);
    await agent.post(form).type('form').send({ _csrf: token, email: member.email }).expect(303);
    const mail = await sink.waitFor(
      (m) =>
        sink.messages.indexOf(m) >= before &&
        recipient(m) === member.email &&
        (m.text ?? '').includes(`${form}/`),
    );
    const origin = `http://${hostFor('gent')}:${t.port}`.replace(/\./g, '\\.');
    const match = new RegExp(`${origin}(${form}/[A-Za-z0-9_-]+)`).exec(mail.text ?? '');
    if (!match) throw new Error(`no ${form} link in "${mail.subject}"`);
    return match[1];
  }

  /** The link's page answers 404 ("Deze link werkt niet meer"), and so does using it. */
  async function expectVoid(link: string): Promise<void> {
    const agent = t.agent('gent');
    const page = await agent.get(link).expect(404);
    expect(page.text).toContain('Deze link werkt niet meer');
    const token = await csrfFrom(agent, '/inloggen');
    await agent
      .post(link)
      .type('form')
      .send({ _csrf: token, password: 'Een-heel-ander-wachtwoord' })
      .expect(404);
  }

  it('a password change voids the login and reset links sent before it', async () => {
    const member = await createMember(t, { tenant: gent });
    const loginLink = await mailedLink(member, '/inloggen/link');
    const resetLink = await mailedLink(member, '/wachtwoord-vergeten');
    await t.agent('gent').get(loginLink).expect(200); // open until the change

    const agent = t.agent('gent');
    await login(agent, member.email);
    const page = await agent.get('/account/wachtwoord').expect(200);
    await agent
      .post('/account/wachtwoord')
      .type('form')
      .send({
        _csrf: csrfIn(page.text),
        currentPassword: TEST_PASSWORD,
        newPassword: 'Een-nieuw-wachtwoord-2026',
      })
      .expect(303);
    await agent.get('/account').expect(200); // this browser stays logged in

    await expectVoid(loginLink);
    await expectVoid(resetLink);
    // A link asked for after the change works.
    const fresh = await mailedLink(member, '/inloggen/link');
    await t.agent('gent').get(fresh).expect(200);
  });

  it('"log out everywhere" voids open login links', async () => {
    const member = await createMember(t, { tenant: gent });
    const loginLink = await mailedLink(member, '/inloggen/link');
    const agent = t.agent('gent');
    await login(agent, member.email);
    const account = await agent.get('/account').expect(200);
    await agent
      .post('/account/overal-uitloggen')
      .type('form')
      .send({ _csrf: csrfIn(account.text) })
      .expect(303, /uitgelogd\?overal=1/);
    await expectVoid(loginLink);
  });

  it('a password reset voids the other open links', async () => {
    const member = await createMember(t, { tenant: gent });
    const loginLink = await mailedLink(member, '/inloggen/link');
    const otherReset = await mailedLink(member, '/wachtwoord-vergeten');
    const resetLink = await mailedLink(member, '/wachtwoord-vergeten');
    const agent = t.agent('gent');
    const form = await agent.get(resetLink).expect(200);
    await agent
      .post(resetLink)
      .type('form')
      .send({ _csrf: csrfIn(form.text), password: 'Een-heel-nieuw-wachtwoord' })
      .expect(303);
    await agent.get('/account').expect(200);
    await expectVoid(loginLink);
    await expectVoid(otherReset);
  });

  it('purges used and expired tokens (and the unconfirmed registrations in them) daily, keeps open ones', async () => {
    const scheduler = await accounts.getJobScheduler(ACCOUNT_SCHEDULERS.purgeTokens.id);
    expect(scheduler).toMatchObject({
      name: ACCOUNT_JOBS.purgeTokens,
      pattern: ACCOUNT_SCHEDULERS.purgeTokens.pattern,
      tz: 'Europe/Brussels',
    });

    const member = await createMember(t, { tenant: gent });
    const email = (what: string) => `${what}-${Date.now()}@example.be`;
    const issued = await dataSource.transaction(async (em) => {
      const issue = (purpose: AuthToken['purpose'], address: string, ttlMs: number) =>
        tokens.issue(em, {
          purpose,
          email: address,
          userId: purpose === 'login' || purpose === 'reset' ? member.user.id : null,
          hostTenantId: gent.id,
          displayName: purpose === 'verify' ? 'Nooit Bevestigd' : null,
          ttlMs,
        });
      return {
        open: await issue('login', member.email, 15 * 60_000),
        openInvite: await issue('invite', email('uitgenodigd'), 86_400_000),
        used: await issue('reset', member.email, 60 * 60_000),
        unconfirmed: await issue('verify', email('nooit-bevestigd'), -1_000),
        expiredLogin: await issue('login', member.email, -1_000),
      };
    });
    await dataSource.transaction((em) =>
      tokens
        .consume(em, 'reset', issued.used.raw, gent.id)
        .then((used) => expect(used).not.toBeNull()),
    );

    const job = await accounts.add(ACCOUNT_JOBS.purgeTokens, {});
    await eventually(async () => (await job.getState()) === 'completed', 10_000, 'the purge job');

    const left = await dataSource
      .getRepository(AuthToken)
      .find({ where: { hostTenantId: gent.id }, select: { id: true } });
    const ids = left.map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([issued.open.token.id, issued.openInvite.token.id]));
    for (const gone of [issued.used, issued.unconfirmed, issued.expiredLogin])
      expect(ids).not.toContain(gone.token.id);
    expect(
      await dataSource.getRepository(AuthToken).countBy({ displayName: 'Nooit Bevestigd' }),
    ).toBe(0);
    // Whatever the earlier tests left used (their links) is gone too: only open tokens remain.
    const stale = await dataSource
      .getRepository(AuthToken)
      .createQueryBuilder('t')
      .where('t.used_at is not null or t.expires_at < now()')
      .getCount();
    expect(stale).toBe(0);
  });
});
