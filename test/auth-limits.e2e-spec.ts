import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Request } from 'express';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthToken } from '../src/auth/entities/auth-token.entity';
import { ACCOUNT_JOBS } from '../src/auth/jobs/accounts.constants';
import { RATE_LIMITS, RateLimiter } from '../src/auth/rate-limit';
import { QUEUES } from '../src/jobs/job-defaults';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { csrfFrom, csrfIn } from './support/csrf';
import { eventually } from './support/eventually';
import { createMember, createTenant, TEST_PASSWORD } from './support/factories';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, hostFor, type TestApp } from './support/test-app';

type Agent = ReturnType<typeof request.agent>;

/**
 * Item 3 of the hardening issue: no rate limit lets anyone lock another person out, and the
 * login-link and reset forms answer every address by the same path.
 */
describe('auth limits: nobody locks another person out', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let gent: Tenant;
  let accounts: Queue;
  let ips = 0;
  /** A fresh client address (X-Forwarded-For from the trusted loopback proxy). */
  const newIp = () => `198.51.${Math.floor(++ips / 250)}.${(ips % 250) + 1}`;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url, env: { TRUSTED_PROXIES: '127.0.0.1' } });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    accounts = t.app.get<Queue>(getQueueToken(QUEUES.accounts));
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  function client(ip: string): Agent {
    return t.agent('gent').set('X-Forwarded-For', ip);
  }

  /**
   * `count` wrong passwords for `email` from `ip`, sent at once (argon2 runs in parallel); the
   * statuses, in order of sending.
   */
  async function wrongPasswords(ip: string, email: string, count: number): Promise<number[]> {
    const agent = client(ip);
    const token = await csrfFrom(agent, '/inloggen');
    return Promise.all(
      Array.from({ length: count }, (_, i) =>
        agent
          .post('/inloggen')
          .type('form')
          .send({ _csrf: token, email, password: `fout-wachtwoord-${i}` })
          .then((r) => r.status),
      ),
    );
  }

  async function failLogins(ip: string, email: string, count: number): Promise<void> {
    expect(await wrongPasswords(ip, email, count)).toEqual(Array(count).fill(400));
  }

  async function login(agent: Agent, email: string, password = TEST_PASSWORD) {
    const token = await csrfFrom(agent, '/inloggen');
    return agent.post('/inloggen').type('form').send({ _csrf: token, email, password });
  }

  async function askLink(
    agent: Agent,
    path: '/inloggen/link' | '/wachtwoord-vergeten',
    email: string,
  ) {
    const token = await csrfFrom(agent, path);
    return agent.post(path).type('form').send({ _csrf: token, email });
  }

  const mailsTo = (email: string, subjectHas: string) =>
    sink.messages.filter((m) => recipient(m) === email && (m.subject ?? '').includes(subjectHas));

  function linkIn(mail: ParsedMail, path: string): string {
    const origin = `http://${hostFor('gent')}:${t.port}`.replace(/\./g, '\\.');
    const match = new RegExp(`${origin}(${path}/[A-Za-z0-9_-]+)`).exec(mail.text ?? '');
    if (!match) throw new Error(`no ${path} link in "${mail.subject}"`);
    return match[1];
  }

  it('an attack from one IP leaves the owner password login, login links and reset on another IP', async () => {
    const owner = await createMember(t, { tenant: gent });
    const attacker = newIp();
    // The attacker exhausts what one IP may try against this address; a burst gets exactly
    // that many tries (the check and the count are one atomic step)...
    const max = RATE_LIMITS.login.accountIp[0].max;
    const burst = await wrongPasswords(attacker, owner.email, max + 3);
    expect(burst.filter((s) => s === 400)).toHaveLength(max);
    expect(burst.filter((s) => s === 429)).toHaveLength(3);
    const refused = await login(client(attacker), owner.email);
    expect(refused.status).toBe(429); // even with the right password, from that IP
    expect(refused.text).toContain(
      'Je hebt dit te vaak geprobeerd. Probeer het opnieuw over 15 minuten.',
    );
    for (let i = 0; i < RATE_LIMITS.mail.addressIp[0].max; i++)
      expect((await askLink(client(attacker), '/inloggen/link', owner.email)).status).toBe(303);
    expect((await askLink(client(attacker), '/inloggen/link', owner.email)).status).toBe(429);
    expect((await askLink(client(attacker), '/wachtwoord-vergeten', owner.email)).status).toBe(429);

    // ...and the owner, elsewhere, is not touched by it.
    const home = client(newIp());
    const ok = await login(home, owner.email);
    expect(ok.status).toBe(303);
    await home.get('/account').expect(200);

    const phone = client(newIp());
    await eventually(
      async () => mailsTo(owner.email, 'in te loggen').length === RATE_LIMITS.mail.addressIp[0].max,
      15_000,
      "the attacker's login links",
    );
    expect((await askLink(phone, '/inloggen/link', owner.email)).status).toBe(303);
    const mails = await eventually(
      async () => {
        const m = mailsTo(owner.email, 'in te loggen');
        return m.length > RATE_LIMITS.mail.addressIp[0].max ? m : null;
      },
      15_000,
      "the owner's login link",
    );
    const link = linkIn(mails[mails.length - 1], '/inloggen/link');
    const page = await phone.get(link).expect(200);
    await phone
      .post(link)
      .type('form')
      .send({ _csrf: csrfIn(page.text) })
      .expect(303);
    await phone.get('/account').expect(200);

    expect((await askLink(phone, '/wachtwoord-vergeten', owner.email)).status).toBe(303);
    await sink.waitFor(
      (m) => recipient(m) === owner.email && m.subject === 'Kies een nieuw wachtwoord',
    );
  });

  it('counts failed logins only: a successful login gives its attempt back', async () => {
    const member = await createMember(t, { tenant: gent });
    const ip = newIp();
    const max = RATE_LIMITS.login.accountIp[0].max;
    // max - 1 failures from this IP: all but one counted as the form counts them (no argon2).
    const limiter = t.get(RateLimiter);
    for (let i = 2; i < max; i++)
      await limiter.reserve(limiter.loginCounters({ ip } as Request, member.email));
    await failLogins(ip, member.email, 1);
    expect((await login(client(ip), member.email)).status).toBe(303);
    expect((await login(client(ip), member.email)).status).toBe(303);
    // Only the failures count: one more failure fills the window, then that pair is refused.
    expect((await login(client(ip), member.email, 'nog-een-fout-wachtwoord')).status).toBe(400);
    expect((await login(client(ip), member.email)).status).toBe(429);
  });

  it('beyond the daily ceiling of an address refuses password login there, and a login link still works', async () => {
    const member = await createMember(t, { tenant: gent });
    // Failures from many IPs, each below its own limits, counted as the login form counts them
    // (RateLimiter.loginCounters) without running argon2 a few dozen times...
    const limiter = t.get(RateLimiter);
    const ceiling = RATE_LIMITS.login.account[0].max;
    const perIp = RATE_LIMITS.login.accountIp[0].max;
    for (let n = 0; n < ceiling - 1; n++) {
      const from = { ip: `203.0.113.${Math.floor(n / perIp) + 1}` } as Request;
      expect(await limiter.reserve(limiter.loginCounters(from, member.email))).toMatchObject({
        allowed: true,
      });
    }
    // ...and the last one through the form.
    await failLogins(newIp(), member.email.toUpperCase(), 1);

    const owner = client(newIp());
    const paused = await login(owner, member.email);
    expect(paused.status).toBe(429);
    expect(paused.text).toContain('Met een wachtwoord inloggen lukt vandaag niet meer');
    expect(paused.text).toContain(`value="${member.email}"`); // the form, with the address kept
    expect(paused.text).toContain('href="/inloggen/link"');
    expect(Number(paused.headers['retry-after'])).toBeGreaterThan(3600);
    await owner.get('/account').expect(303);

    expect((await askLink(owner, '/inloggen/link', member.email)).status).toBe(303);
    const mail = await sink.waitFor((m) => recipient(m) === member.email);
    const link = linkIn(mail, '/inloggen/link');
    const page = await owner.get(link).expect(200);
    await owner
      .post(link)
      .type('form')
      .send({ _csrf: csrfIn(page.text) })
      .expect(303);
    await owner.get('/account').expect(200);
  });

  it('shares the counters between web nodes (Redis)', async () => {
    const other = await createTestApp({
      sameDeploymentAs: t,
      worker: false,
      env: { TRUSTED_PROXIES: '127.0.0.1' },
    });
    try {
      const member = await createMember(t, { tenant: gent });
      const ip = newIp();
      // One failure short of the pair's limit, counted on this node...
      const limiter = t.get(RateLimiter);
      for (let i = 1; i < RATE_LIMITS.login.accountIp[0].max; i++)
        await limiter.reserve(limiter.loginCounters({ ip } as Request, member.email));
      // ...the last failure on the other node, and then this node refuses.
      const there = other.agent('gent').set('X-Forwarded-For', ip);
      expect((await login(there, member.email, 'fout-wachtwoord-x')).status).toBe(400);
      expect((await login(client(ip), member.email)).status).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('keys the mail budget by address and IP, with a higher daily ceiling per address', async () => {
    const email = `niemand-${Date.now()}@example.be`;
    const perPair = RATE_LIMITS.mail.addressIp[0].max;
    const ceiling = RATE_LIMITS.mail.address[0].max;
    for (let sent = 0; sent < ceiling;) {
      const agent = client(newIp());
      for (let i = 0; i < perPair && sent < ceiling; i++, sent++)
        expect((await askLink(agent, '/wachtwoord-vergeten', email)).status).toBe(303);
    }
    const fresh = client(newIp());
    const limited = await askLink(fresh, '/inloggen/link', email);
    expect(limited.status).toBe(429);
    expect(limited.text).toContain(
      'Er werden te veel e-mails naar dit adres gevraagd. Probeer het opnieuw over 24 uur.',
    );
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3600);
    // Another address from that same IP is not limited.
    expect((await askLink(fresh, '/inloggen/link', `ander-${email}`)).status).toBe(303);
  });

  it('answers login-link and reset forms by one path for known and unknown addresses: the work is a job after the answer', async () => {
    const member = await createMember(t, { tenant: gent });
    const unknown = `onbekend-${Date.now()}@example.be`;
    const dataSource = t.app.get(DataSource);
    await accounts.pause();
    try {
      for (const path of ['/inloggen/link', '/wachtwoord-vergeten'] as const) {
        const answers = [];
        for (const email of [member.email, unknown]) {
          const agent = client(newIp());
          const res = await askLink(agent, path, email.toUpperCase());
          const page = await agent.get('/mail-verstuurd').expect(200);
          answers.push({
            status: res.status,
            location: res.headers.location as string,
            page: page.text.replaceAll(email, '<adres>'),
          });
        }
        expect(answers[0]).toEqual(answers[1]);
        expect(answers[0]).toMatchObject({ status: 303, location: '/mail-verstuurd' });
      }
      // Each answer queued exactly one job with what was typed, and did nothing else yet.
      const queued = (await accounts.getJobs(['waiting', 'wait'])).filter(
        (j) => j.name === ACCOUNT_JOBS.sendLink,
      );
      // A uuid, not BullMQ's counter (which restarts with an emptied Redis): it keys the outbox.
      for (const job of queued) expect(job.id).toMatch(/^[0-9a-f-]{36}$/);
      const jobs = queued.map((j) => j.data as unknown);
      expect(jobs).toHaveLength(4);
      for (const purpose of ['login', 'reset'])
        for (const email of [member.email, unknown])
          expect(jobs).toContainEqual({ purpose, hostTenantId: gent.id, email });
      expect(await dataSource.getRepository(AuthToken).countBy({ email: member.email })).toBe(0);
      expect(mailsTo(member.email, '')).toHaveLength(0);
    } finally {
      await accounts.resume();
    }
    // The jobs do the work: the known address gets both mails, the unknown one nothing.
    await sink.waitFor(
      (m) => recipient(m) === member.email && (m.subject ?? '').includes('in te loggen'),
    );
    await sink.waitFor(
      (m) => recipient(m) === member.email && m.subject === 'Kies een nieuw wachtwoord',
    );
    await eventually(
      async () => {
        const counts = await accounts.getJobCounts('waiting', 'active', 'wait');
        return counts.waiting + counts.active + counts.wait === 0;
      },
      10_000,
      'the accounts queue to drain',
    );
    expect(await dataSource.getRepository(AuthToken).countBy({ email: member.email })).toBe(2);
    expect(await dataSource.getRepository(AuthToken).countBy({ email: unknown })).toBe(0);
    expect(mailsTo(unknown, '')).toHaveLength(0);
  });
  it('answers the registration form by one path for a new address, an account and a member: the work is a job after the answer', async () => {
    const member = await createMember(t, { tenant: gent });
    const elsewhere = await createMember(t); // an account without a membership here
    const fresh = `nieuw-${Date.now()}@example.be`;
    const dataSource = t.app.get(DataSource);
    const before = sink.messages.length;
    await accounts.pause();
    try {
      const answers = [];
      for (const email of [fresh, member.email, elsewhere.email]) {
        const agent = client(newIp());
        const token = await csrfFrom(agent, '/registreren');
        const res = await agent.post('/registreren').type('form').send({
          _csrf: token,
          displayName: 'Ilse',
          email,
          password: 'Een-lang-wachtwoord',
          consent: 'ja',
        });
        const page = await agent.get('/mail-verstuurd').expect(200);
        answers.push({
          status: res.status,
          location: res.headers.location as string,
          page: page.text.replaceAll(email, '<adres>'),
        });
      }
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      expect(answers[0]).toMatchObject({ status: 303, location: '/mail-verstuurd' });
      const jobs = (await accounts.getJobs(['waiting', 'wait']))
        .filter((j) => j.name === ACCOUNT_JOBS.register)
        .map((j) => j.data as Record<string, unknown>);
      expect(jobs).toHaveLength(3);
      for (const email of [fresh, member.email, elsewhere.email])
        expect(jobs).toContainEqual({
          hostTenantId: gent.id,
          email,
          displayName: 'Ilse',
          verifyTokenId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        });
      const tokenRepo = dataSource.getRepository(AuthToken);
      for (const email of [fresh, member.email, elsewhere.email])
        expect(await tokenRepo.countBy({ email })).toBe(0);
      expect(sink.messages.length).toBe(before);
    } finally {
      await accounts.resume();
    }
    const subjectTo = (email: string) =>
      sink.waitFor((m) => recipient(m) === email).then((m) => m.subject);
    expect(await subjectTo(fresh)).toContain('Bevestig je e-mailadres');
    expect(await subjectTo(member.email)).toContain('Je hebt al een account');
    expect(await subjectTo(elsewhere.email)).toContain('Doe mee met de Mantelzorghub Gent');
  });
});
