import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { Membership } from '../src/auth/entities/membership.entity';
import { User } from '../src/auth/entities/user.entity';
import { InvitationsService } from '../src/auth/invitations.service';
import type { Request } from 'express';
import { RATE_LIMITS, RateLimiter } from '../src/auth/rate-limit';
import { asTenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { csrfFrom, csrfIn, formPost, sessionCookie } from './support/csrf';
import { eventually } from './support/eventually';
import { createMember, createTenant, TEST_PASSWORD } from './support/factories';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, hostFor, type TestApp } from './support/test-app';

type Agent = ReturnType<typeof request.agent>;

describe('auth: registration, login, links, reset, invitations, limits', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let gent: Tenant;
  let ieper: Tenant;
  let counter = 0;
  const newEmail = () => `mantelzorger-${Date.now()}-${++counter}@example.be`;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // Each test client gets its own address (X-Forwarded-For from the trusted local proxy), so
    // the per-IP limits count one client, as in production behind a load balancer.
    t = await createTestApp({ smtpUrl: sink.url, env: { TRUSTED_PROXIES: '127.0.0.1' } });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  let clients = 0;
  /** A browser-like client of one host, with its own cookie jar and its own IP address. */
  function client(
    slug: string | null,
    ip = `10.0.${Math.floor(++clients / 250)}.${(clients % 250) + 1}`,
  ): Agent {
    return t.agent(slug).set('X-Forwarded-For', ip);
  }

  /** The first link to `path` on the given host in a mail to `email` (plain-text part). */
  async function linkIn(
    email: string,
    path: string,
    slug: string | null = 'gent',
    subjectHas?: string,
  ): Promise<string> {
    const mail: ParsedMail = await sink.waitFor(
      (m) => recipient(m) === email && (!subjectHas || (m.subject ?? '').includes(subjectHas)),
    );
    const origin = `http://${hostFor(slug)}:${t.port}`.replace(/\./g, '\\.');
    const match = new RegExp(`${origin}(${path}/[A-Za-z0-9_-]+)`).exec(mail.text ?? '');
    if (!match) throw new Error(`no ${path} link in mail "${mail.subject}": ${mail.text}`);
    return match[1];
  }

  async function membershipOf(tenant: Tenant, email: string): Promise<Membership | null> {
    return t.get(TenantTransaction).run(asTenantId(tenant.id), async (em) => {
      const user = await em.getRepository(User).findOne({ where: { email } });
      return user
        ? em.getRepository(Membership).findOne({ where: { tenantId: tenant.id, userId: user.id } })
        : null;
    });
  }

  /** A POST of a form after GETting its page for the CSRF token; `.expect(status, body?)` as in supertest. */
  function submit(agent: Agent, formPath: string, values: Record<string, string>) {
    return {
      expect: (status: number, body?: RegExp | string): Promise<request.Response> =>
        formPost(agent, formPath, values).then(({ post }) =>
          body === undefined ? post.expect(status) : post.expect(status, body),
        ),
    };
  }

  function login(
    agent: Agent,
    email: string,
    password = TEST_PASSWORD,
    extra: Record<string, string> = {},
  ) {
    return submit(agent, '/inloggen', { email, password, ...extra });
  }

  function register(agent: Agent, values: Record<string, string>) {
    return submit(agent, '/registreren', values);
  }

  it('gives a visitor who only reads no cookie at all', async () => {
    const home = await client('gent').get('/').expect(200);
    expect(home.headers['set-cookie']).toBeUndefined();
    const account = await client('gent').get('/account').expect(303);
    expect(account.headers.location).toBe('/inloggen?terug=%2Faccount');
    expect(account.headers['set-cookie']).toBeUndefined();
    // A form page needs a CSRF token, so it does set the (host-only) session cookie.
    const form = await client('gent').get('/inloggen').expect(200);
    expect(sessionCookie(form.headers['set-cookie'])).not.toBeNull();
  });

  it('registers, verifies by the e-mailed link and logs in with a host-only, HttpOnly, SameSite=Lax cookie', async () => {
    const agent = client('gent');
    const email = newEmail();
    const res = await register(agent, {
      displayName: 'An',
      email: email.toUpperCase(),
      password: 'Lang-genoeg-wachtwoord',
      consent: 'ja',
    }).expect(303);
    expect(res.headers.location).toBe('/mail-verstuurd');
    const page = await agent.get('/mail-verstuurd').expect(200);
    expect(page.text).toContain('Kijk in je mailbox');
    expect(page.text).toContain(email);

    const link = await linkIn(email, '/bevestigen');
    const confirm = await agent.get(link).expect(200);
    expect(confirm.text).toContain('Bevestig mijn account');
    expect(confirm.text).not.toContain('name="password"'); // same browser: the password typed at registration is kept
    const before = sessionCookie((await agent.get(link)).headers['set-cookie']) ?? 'none';
    const done = await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrfIn(confirm.text) })
      .expect(303);
    expect(done.headers.location).toBe('/');
    const setCookie = ([] as string[])
      .concat(done.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('mzh.sid='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Domain=/i);
    expect(sessionCookie(setCookie)).not.toBe(before);

    const home = await agent.get('/').expect(200);
    expect(home.text).toContain('Welkom! Je account bij de Mantelzorghub Gent is klaar.');
    await agent.get('/account').expect(200);
    const membership = await membershipOf(gent, email);
    expect(membership).toMatchObject({ role: 'caregiver', displayName: 'An' });
    expect(membership!.termsAcceptedAt).not.toBeNull();

    // The link is used up; the password chosen at registration works.
    await client('gent').get(link).expect(404);
    const again = client('gent');
    const ok = await login(again, email, 'Lang-genoeg-wachtwoord').expect(303);
    expect(ok.headers.location).toBe('/');
  });

  it('does not take a password typed by someone else: opened in another browser, the link asks for one', async () => {
    const email = newEmail();
    await register(client('gent'), {
      displayName: 'Bea',
      email,
      password: 'Wachtwoord-van-een-ander',
      consent: 'ja',
    }).expect(303);
    const link = await linkIn(email, '/bevestigen');
    const other = client('gent');
    const page = await other.get(link).expect(200);
    expect(page.text).toContain('name="password"');
    await other
      .post(link)
      .type('form')
      .send({ _csrf: csrfIn(page.text), password: '' })
      .expect(303);
    await login(client('gent'), email, 'Wachtwoord-van-een-ander').expect(400);
  });

  it('re-renders the registration form with Dutch errors and keeps what was typed', async () => {
    const res = await register(client('gent'), {
      displayName: 'Carla',
      email: 'geen-adres',
      password: 'kort',
    }).expect(400);
    expect(res.text).toContain('<title>Fout: ');
    expect(res.text).toContain('Er is een probleem');
    expect(res.text).toContain('Vul een e-mailadres in zoals naam@voorbeeld.be');
    expect(res.text).toContain('Het wachtwoord moet minstens 10 tekens hebben');
    expect(res.text).toContain('Duid aan dat je akkoord gaat');
    expect(res.text).toContain('value="Carla"');
    expect(res.text).toContain('value="geen-adres"');
    expect(res.text).not.toContain('value="kort"');
  });

  it('answers an existing e-mail exactly as a new one, and mails an offer to join this municipality', async () => {
    const existing = await createMember(t, { tenant: ieper, displayName: 'Dirk' });
    const fresh = newEmail();
    const a = client('gent');
    await register(a, { displayName: 'Dirk', email: existing.email, consent: 'ja' }).expect(
      303,
      /mail-verstuurd/,
    );
    const pageA = (await a.get('/mail-verstuurd').expect(200)).text;
    const b = client('gent');
    await register(b, { displayName: 'Dirk', email: fresh, consent: 'ja' }).expect(
      303,
      /mail-verstuurd/,
    );
    const pageB = (await b.get('/mail-verstuurd').expect(200)).text;
    expect(pageA.replace(existing.email, 'X')).toBe(pageB.replace(fresh, 'X'));

    const link = await linkIn(existing.email, '/aansluiten');
    const joinAgent = client('gent');
    const page = await joinAgent.get(link).expect(200);
    expect(page.text).toContain('Ja, ik doe mee');
    await joinAgent
      .post(link)
      .type('form')
      .send({ _csrf: csrfIn(page.text) })
      .expect(303, /\//);
    await joinAgent.get('/account').expect(200);
    expect(await membershipOf(gent, existing.email)).toMatchObject({
      role: 'caregiver',
      displayName: 'Dirk',
    });
    expect(await membershipOf(ieper, existing.email)).toMatchObject({ role: 'caregiver' });
  });

  it('answers a wrong password and an unknown e-mail the same way, and keeps the e-mail typed', async () => {
    const member = await createMember(t, { tenant: gent });
    const wrong = await login(client('gent'), member.email, 'niet-het-juiste-wachtwoord').expect(
      400,
    );
    const unknown = await login(
      client('gent'),
      'niemand-hier@example.be',
      'niet-het-juiste-wachtwoord',
    ).expect(400);
    const normalise = (html: string, email: string) =>
      html.replace(/name="_csrf" value="[^"]+"/, '').replace(email, 'X');
    expect(normalise(wrong.text, member.email)).toBe(
      normalise(unknown.text, 'niemand-hier@example.be'),
    );
    expect(wrong.text).toContain('E-mailadres of wachtwoord klopt niet');
    expect(wrong.text).toContain(`value="${member.email}"`);
  });

  it('rotates the session id at login and voids the old one', async () => {
    const member = await createMember(t, { tenant: gent });
    const agent = client('gent');
    const form = await agent.get('/inloggen').expect(200);
    const before = sessionCookie(form.headers['set-cookie'])!;
    const res = await agent
      .post('/inloggen')
      .type('form')
      .send({ _csrf: csrfIn(form.text), email: member.email, password: TEST_PASSWORD })
      .expect(303);
    const after = sessionCookie(res.headers['set-cookie'])!;
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    await agent.get('/account').expect(200);
    await client('gent').get('/account').set('Cookie', `mzh.sid=${before}`).expect(303);
  });

  it('returns only to a local path after login (no open redirect)', async () => {
    const member = await createMember(t, { tenant: gent });
    const ok = await login(client('gent'), member.email, TEST_PASSWORD, {
      terug: '/account',
    }).expect(303);
    expect(ok.headers.location).toBe('/account');
    for (const evil of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const res = await login(client('gent'), member.email, TEST_PASSWORD, { terug: evil }).expect(
        303,
      );
      expect(res.headers.location).toBe('/');
    }
  });

  it('does not accept a session cookie made on gent on ieper', async () => {
    const member = await createMember(t, { tenant: gent, email: newEmail() });
    await createMember(t, { tenant: ieper, email: member.email }).catch(() => undefined);
    const agent = client('gent');
    const res = await login(agent, member.email).expect(303);
    const cookie = sessionCookie(res.headers['set-cookie'])!;
    await agent.get('/account').expect(200);
    const there = await client('ieper')
      .get('/account')
      .set('Cookie', `mzh.sid=${cookie}`)
      .expect(303);
    expect(there.headers.location).toMatch(/^\/inloggen/);
    // ...and the session stays valid on its own host.
    await client('gent').get('/account').set('Cookie', `mzh.sid=${cookie}`).expect(200);
  });

  it('logs in by an e-mailed link: single use, bound to its host', async () => {
    const member = await createMember(t, { tenant: gent });
    const agent = client('gent');
    const token = await csrfFrom(agent, '/inloggen/link');
    await agent
      .post('/inloggen/link')
      .type('form')
      .send({ _csrf: token, email: member.email })
      .expect(303, /mail-verstuurd/);
    const link = await linkIn(member.email, '/inloggen/link');

    const ieperAgent = client('ieper');
    await ieperAgent.get(link).expect(404);
    const ieperToken = await csrfFrom(ieperAgent, '/inloggen');
    await ieperAgent.post(link).type('form').send({ _csrf: ieperToken }).expect(404);

    const page = await agent.get(link).expect(200);
    expect(page.text).toContain(member.email);
    const res = await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrfIn(page.text) })
      .expect(303);
    expect(res.headers.location).toBe('/');
    await agent.get('/account').expect(200);

    const second = client('gent');
    const secondToken = await csrfFrom(second, '/inloggen');
    await second.post(link).type('form').send({ _csrf: secondToken }).expect(404);
    await second.get('/account').expect(303);
  });

  it('sends no login link to an unknown address but answers the same', async () => {
    const agent = client('gent');
    const token = await csrfFrom(agent, '/inloggen/link');
    await agent
      .post('/inloggen/link')
      .type('form')
      .send({ _csrf: token, email: 'onbekend@example.be' })
      .expect(303, /mail-verstuurd/);
    const page = await agent.get('/mail-verstuurd').expect(200);
    expect(page.text).toContain('Als er een account is met het adres');
  });

  it('resets the password by e-mailed link and logs out every other session', async () => {
    const member = await createMember(t, { tenant: gent });
    const elsewhere = client('gent');
    await login(elsewhere, member.email).expect(303);
    await elsewhere.get('/account').expect(200);

    const agent = client('gent');
    const token = await csrfFrom(agent, '/wachtwoord-vergeten');
    await agent
      .post('/wachtwoord-vergeten')
      .type('form')
      .send({ _csrf: token, email: member.email })
      .expect(303, /mail-verstuurd/);
    const link = await linkIn(member.email, '/wachtwoord-vergeten');
    const form = await agent.get(link).expect(200);
    const short = await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrfIn(form.text), password: 'kort' })
      .expect(400);
    expect(short.text).toContain('Het wachtwoord moet minstens 10 tekens hebben');
    await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrfIn(short.text), password: 'Een-heel-nieuw-wachtwoord' })
      .expect(303, /\//);
    await agent.get('/account').expect(200);

    await elsewhere.get('/account').expect(303);
    await login(client('gent'), member.email, TEST_PASSWORD).expect(400);
    await login(client('gent'), member.email, 'Een-heel-nieuw-wachtwoord').expect(303);
    await agent.get(link).expect(404);
  });

  it('logs out with a one-button page, and "overal uitloggen" ends every session', async () => {
    const member = await createMember(t, { tenant: gent });
    const agent = client('gent');
    await login(agent, member.email).expect(303);
    const page = await agent.get('/uitloggen').expect(200);
    expect(page.text).toContain('<button type="submit">Uitloggen</button>');
    await agent
      .post('/uitloggen')
      .type('form')
      .send({ _csrf: csrfIn(page.text) })
      .expect(303, /uitgelogd/);
    await agent.get('/account').expect(303);

    const one = client('gent');
    const two = client('gent');
    await login(one, member.email).expect(303);
    await login(two, member.email).expect(303);
    const account = await one.get('/account').expect(200);
    await one
      .post('/account/overal-uitloggen')
      .type('form')
      .send({ _csrf: csrfIn(account.text) })
      .expect(303, /uitgelogd\?overal=1/);
    await one.get('/account').expect(303);
    await two.get('/account').expect(303);
  });

  it('edits display name and phone, and changes the password on /account', async () => {
    const member = await createMember(t, { tenant: gent });
    const agent = client('gent');
    await login(agent, member.email).expect(303);
    const page = await agent.get('/account').expect(200);
    expect(page.text).toContain(member.email);
    const bad = await agent
      .post('/account/gegevens')
      .type('form')
      .send({ _csrf: csrfIn(page.text), displayName: '', phone: 'bel me' })
      .expect(400);
    expect(bad.text).toContain('Vul je naam in');
    await agent
      .post('/account/gegevens')
      .type('form')
      .send({ _csrf: csrfIn(bad.text), displayName: 'Els', phone: '0470 12 34 56' })
      .expect(303);
    expect(await membershipOf(gent, member.email)).toMatchObject({
      displayName: 'Els',
      phone: '0470 12 34 56',
    });

    const pw = await agent.get('/account/wachtwoord').expect(200);
    const wrong = await agent
      .post('/account/wachtwoord')
      .type('form')
      .send({
        _csrf: csrfIn(pw.text),
        currentPassword: 'fout-fout-fout',
        newPassword: 'Nog-een-nieuw-wachtwoord',
      })
      .expect(400);
    expect(wrong.text).toContain('Je huidige wachtwoord klopt niet');
    await agent
      .post('/account/wachtwoord')
      .type('form')
      .send({
        _csrf: csrfIn(wrong.text),
        currentPassword: TEST_PASSWORD,
        newPassword: 'Nog-een-nieuw-wachtwoord',
      })
      .expect(303);
    await agent.get('/account').expect(200);
    await login(client('gent'), member.email, 'Nog-een-nieuw-wachtwoord').expect(303);
  });

  it('offers to join when an account logs in on a municipality where it is not a member', async () => {
    const member = await createMember(t, { tenant: ieper });
    const agent = client('gent');
    const res = await login(agent, member.email).expect(303);
    expect(res.headers.location).toBe('/aansluiten');
    const page = await agent.get('/aansluiten').expect(200);
    const token = csrfIn(page.text);
    await agent
      .post('/aansluiten')
      .type('form')
      .send({ _csrf: token, displayName: 'Frie' })
      .expect(400, /Duid aan dat je akkoord gaat/);
    await agent
      .post('/aansluiten')
      .type('form')
      .send({ _csrf: token, displayName: 'Frie', consent: 'ja' })
      .expect(303);
    expect(await membershipOf(gent, member.email)).toMatchObject({
      role: 'caregiver',
      displayName: 'Frie',
    });
  });

  it('logs in on the platform site too, with a password or a platform-bound link', async () => {
    const admin = await createMember(t, { platformAdmin: true });
    const page = await client(null).get('/inloggen').expect(200);
    expect(page.text).not.toContain('/registreren');
    const res = await login(client(null), admin.email).expect(303);
    expect(res.headers.location).toBe('/');

    const agent = client(null);
    await submit(agent, '/inloggen/link', { email: admin.email }).expect(303, /mail-verstuurd/);
    const link = await linkIn(admin.email, '/inloggen/link', null);
    await client('gent').get(link).expect(404);
    const confirm = await agent.get(link).expect(200);
    await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrfIn(confirm.text) })
      .expect(303);
    await agent.get('/account').expect(200);
    // Registration belongs to a municipality's hub.
    await client(null).get('/registreren').expect(404);
  });

  it('refuses a POST without a CSRF token', async () => {
    const agent = client('gent');
    await agent.get('/inloggen').expect(200);
    const res = await agent
      .post('/inloggen')
      .type('form')
      .send({ email: 'x@example.be', password: 'whatever-long' })
      .expect(403);
    expect(res.text).toContain('Deze pagina is verlopen');
  });

  it('accepts an invitation: new account with the invited role, existing member upgraded', async () => {
    const invitations = t.get(InvitationsService);
    const email = newEmail();
    await invitations.invite({
      tenant: gent,
      email,
      role: 'tenant_admin',
      invitedByName: 'Platformbeheer',
    });
    const link = await linkIn(email, '/uitnodiging');
    const agent = client('gent');
    const page = await agent.get(link).expect(200);
    expect(page.text).toContain('beheerder van de Mantelzorghub');
    const missing = await agent
      .post(link)
      .type('form')
      .send({ _csrf: csrfIn(page.text), displayName: 'Greet', consent: 'ja' })
      .expect(400);
    expect(missing.text).toContain('Kies een wachtwoord');
    expect(missing.text).toContain('beheerder van de Mantelzorghub');
    const res = await agent
      .post(link)
      .type('form')
      .send({
        _csrf: csrfIn(missing.text),
        displayName: 'Greet',
        password: 'Beheer-wachtwoord-1',
        consent: 'ja',
      })
      .expect(303);
    expect(res.headers.location).toBe('/beheer');
    expect(await membershipOf(gent, email)).toMatchObject({
      role: 'tenant_admin',
      displayName: 'Greet',
    });
    await login(client('gent'), email, 'Beheer-wachtwoord-1').expect(303);
    await client('gent').get(link).expect(404);

    const caregiver = await createMember(t, { tenant: gent });
    await invitations.invite({
      tenant: gent,
      email: caregiver.email,
      role: 'professional',
      invitedByName: 'Greet',
    });
    const link2 = await linkIn(caregiver.email, '/uitnodiging');
    const agent2 = client('gent');
    const page2 = await agent2.get(link2).expect(200);
    expect(page2.text).not.toContain('name="password"');
    const accepted = await agent2
      .post(link2)
      .type('form')
      .send({ _csrf: csrfIn(page2.text), displayName: 'Hilde', consent: 'ja' })
      .expect(303);
    expect(accepted.headers.location).toBe('/');
    expect(await membershipOf(gent, caregiver.email)).toMatchObject({ role: 'professional' });
  });

  it('limits failed logins per address and IP (known or not) with a Dutch 429 page', async () => {
    const member = await createMember(t, { tenant: ieper });
    const perPair = RATE_LIMITS.login.accountIp[0].max;
    for (const email of [member.email, 'niet-bestaand@example.be']) {
      const agent = client('ieper');
      const token = await csrfFrom(agent, '/inloggen');
      // Sent at once: argon2 runs in parallel, and the counting must hold under concurrency.
      const statuses = await Promise.all(
        Array.from({ length: perPair }, (_, i) =>
          agent
            .post('/inloggen')
            .type('form')
            .send({ _csrf: token, email, password: `fout-${i}-wachtwoord` })
            .then((r) => r.status),
        ),
      );
      expect(statuses).toEqual(Array(perPair).fill(400));
      const limited = await agent
        .post('/inloggen')
        .type('form')
        .send({ _csrf: token, email: email.toUpperCase(), password: TEST_PASSWORD })
        .expect(429);
      expect(limited.text).toContain('Je hebt dit te vaak geprobeerd');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('limits failed logins per IP address', async () => {
    const ip = '192.0.2.77';
    // Failures for many addresses from this IP, counted as the login form counts them (the form's
    // own counting is the test above), without running argon2 thirty times; the last by the form.
    const limiter = t.get(RateLimiter);
    for (let i = 1; i < RATE_LIMITS.login.ip[0].max; i++) {
      const from = { ip } as Request;
      expect(
        await limiter.reserve(limiter.loginCounters(from, `persoon-${i}@example.be`)),
      ).toMatchObject({ allowed: true });
    }
    await login(client('ieper', ip), 'persoon-0@example.be', 'fout-wachtwoord-1').expect(400);
    const limited = await login(
      client('ieper', ip),
      'nog-iemand@example.be',
      'fout-wachtwoord-1',
    ).expect(429);
    expect(limited.text).toContain('Even geduld');
    await login(client('ieper'), 'nog-iemand@example.be', 'fout-wachtwoord-1').expect(400); // another address is not limited
  });

  it('limits mail-sending forms per address and IP (no mail-bombing)', async () => {
    const email = newEmail();
    const agent = client('ieper');
    const token = await csrfFrom(agent, '/wachtwoord-vergeten');
    for (let i = 0; i < RATE_LIMITS.mail.addressIp[0].max; i++) {
      await agent
        .post('/wachtwoord-vergeten')
        .type('form')
        .send({ _csrf: token, email })
        .expect(303);
    }
    // One budget for all mail forms of this address from this IP.
    await agent.post('/inloggen/link').type('form').send({ _csrf: token, email }).expect(429);
  });

  it('queues verification mail in the tenant outbox', async () => {
    const email = newEmail();
    await register(client('ieper'), { displayName: 'Ilse', email, consent: 'ja' }).expect(303);
    // Written by the accounts job after the answer.
    const rows = await eventually(
      async () => {
        const found = await t
          .get(TenantTransaction)
          .run(asTenantId(ieper.id), (em) =>
            em.getRepository(OutboxMessage).find({ where: { toAddress: email } }),
          );
        return found.length > 0 ? found : null;
      },
      10_000,
      'the verification mail in the outbox',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].subject).toContain('Bevestig je e-mailadres');
    expect(rows[0].text).toContain('/bevestigen/');
  });
});
