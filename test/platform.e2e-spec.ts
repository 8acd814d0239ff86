import { InvitationsService } from '../src/auth/invitations.service';
import { AuthToken } from '../src/auth/entities/auth-token.entity';
import { PlatformOutboxMessage } from '../src/mail/entities/platform-outbox-message.entity';
import { OnboardingRequest } from '../src/platform/entities/onboarding-request.entity';
import { ONBOARDING_LIMIT } from '../src/platform/onboarding.service';
import { Tenant } from '../src/tenancy/entities/tenant.entity';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { createMember, createTenant, type TestMember } from './support/factories';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { csrfIn, logIn, submitForm } from './support/csrf';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The platform site: the onboarding request form, and the platform admin console that handles
 * requests and creates, suspends and reactivates municipalities.
 */

type Agent = ReturnType<TestApp['agent']>;

const validRequest = {
  municipalityName: 'Stad Sint-Niklaas',
  contactName: 'An Verbeke',
  contactRole: 'Beleidsmedewerker welzijn',
  email: 'an.verbeke@sint-niklaas.be',
  phone: '03 778 30 00',
  message: 'We willen in het voorjaar starten met twee Mantelzorgcafés.',
};

describe('platform site: onboarding requests and the admin console', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let admins: TestMember[];
  let plainUser: TestMember;
  let gentAdmin: TestMember;
  let admin: Agent;
  let adminLoggedIn = false;
  /** The platform admin's agent logs in once, before the first console test. */
  const logInAdmin = async () => {
    if (!adminLoggedIn) await logIn(admin, admins[0]);
    adminLoggedIn = true;
  };

  const db = () => t.get(TenantTransaction)['dataSource'];
  const tenantBySlug = (slug: string) => db().getRepository(Tenant).findOne({ where: { slug } });

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url });
    const gent = await createTenant(t, { slug: 'gent', name: 'Gent', province: 'Oost-Vlaanderen' });
    admins = [
      await createMember(t, { platformAdmin: true, email: 'platform-een@mantelzorghub.test' }),
      await createMember(t, { platformAdmin: true, email: 'platform-twee@mantelzorghub.test' }),
    ];
    plainUser = await createMember(t, { email: 'gewoon@example.be' });
    gentAdmin = await createMember(t, {
      tenant: gent,
      role: 'tenant_admin',
      email: 'beheer@gent.be',
    });
    admin = t.agent(null);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  describe('the request form at /aanvragen', () => {
    it('shows the form with labelled fields', async () => {
      const res = await t.agent(null).get('/aanvragen').expect(200);
      expect(res.text).toContain('<h1>Start een Mantelzorghub in jouw gemeente</h1>');
      for (const field of [
        'municipalityName',
        'contactName',
        'contactRole',
        'email',
        'phone',
        'message',
      ]) {
        expect(res.text).toContain(`<label for="${field}">`);
      }
    });

    it('stores the request, mails every platform admin and confirms what happens next', async () => {
      const visitor = t.agent(null);
      const res = await submitForm(visitor, '/aanvragen', validRequest);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/aanvragen/verstuurd');
      const confirmation = await visitor.get('/aanvragen/verstuurd').expect(200);
      expect(confirmation.text).toContain('Bedankt, we hebben je aanvraag ontvangen');
      expect(confirmation.text).toContain('Stad Sint-Niklaas');
      expect(confirmation.text).toContain('Wat gebeurt er nu?');

      const stored = await db()
        .getRepository(OnboardingRequest)
        .findOneOrFail({ where: { email: validRequest.email } });
      expect(stored).toMatchObject({
        municipalityName: 'Stad Sint-Niklaas',
        contactName: 'An Verbeke',
        contactRole: 'Beleidsmedewerker welzijn',
        phone: '03 778 30 00',
        status: 'new',
      });

      const outbox = await db()
        .getRepository(PlatformOutboxMessage)
        .find({ where: { subject: 'Nieuwe aanvraag: een Mantelzorghub voor Stad Sint-Niklaas' } });
      expect(outbox.map((m) => m.key).sort()).toEqual(
        admins.map((a) => `onboarding:${stored.id}:${a.user.id}`).sort(),
      );
      expect(outbox.map((m) => m.toAddress)).not.toContain(plainUser.email);

      for (const a of admins) {
        const mail = await sink.waitFor(
          (m) => recipient(m) === a.email && /Sint-Niklaas/.test(m.subject ?? ''),
        );
        expect(mail.text).toContain('An Verbeke');
        expect(mail.text).toContain(`${t.config.platformOrigin}/beheer/aanvragen/${stored.id}`);
      }
      expect(sink.messages.filter((m) => recipient(m) === plainUser.email)).toEqual([]);
    });

    it('refuses invalid input with Dutch messages naming the field and keeps what was typed', async () => {
      const before = await db().getRepository(OnboardingRequest).count();
      const res = await submitForm(t.agent(null), '/aanvragen', {
        municipalityName: '',
        contactName: 'Jan Peeters',
        contactRole: '',
        email: 'jan.peeters-at-gemeente',
        phone: '',
        message: 'Mijn bericht <blijft> staan',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('<title>Fout: ');
      expect(res.text).toContain('Er is een probleem');
      expect(res.text).toContain('Vul de naam van je stad of gemeente in.');
      expect(res.text).toContain('Vul je functie in');
      expect(res.text).toContain('Vul een geldig e-mailadres in');
      expect(res.text).toContain('href="#municipalityName"');
      expect(res.text).toContain('value="Jan Peeters"');
      expect(res.text).toContain('value="jan.peeters-at-gemeente"');
      expect(res.text).toContain('Mijn bericht &lt;blijft&gt; staan');
      expect(await db().getRepository(OnboardingRequest).count()).toBe(before);
    });
  });

  describe('access to the console', () => {
    beforeAll(() => logInAdmin());

    it('sends an anonymous visitor to the login page', async () => {
      const res = await t.agent(null).get('/beheer').expect(303);
      expect(res.headers.location).toBe('/inloggen?terug=%2Fbeheer');
    });

    it('refuses a signed-in user who is no platform admin', async () => {
      const agent = t.agent(null);
      await logIn(agent, plainUser);
      await agent.get('/beheer').expect(403);
      await agent.get('/beheer/nieuwe-gemeente').expect(403);
    });

    it('refuses a tenant_admin of a municipality on the platform host', async () => {
      const agent = t.agent(null);
      await logIn(agent, gentAdmin);
      await agent.get('/beheer').expect(403);
    });

    it('shows open requests and all municipalities to a platform admin', async () => {
      await createTenant(t, { slug: 'veurne', name: 'Veurne', status: 'suspended' });
      const res = await admin.get('/beheer').expect(200);
      expect(res.text).toContain('Stad Sint-Niklaas');
      expect(res.text).toContain('Gent');
      expect(res.text).toContain('http://gent.localhost');
      expect(res.text).toContain('Veurne');
      expect(res.text).toContain('Opgeschort');
    });
  });

  describe('creating a municipality', () => {
    beforeAll(() => logInAdmin());

    const fields = {
      slug: 'lede',
      name: 'Lede',
      nisCode: '41034',
      province: 'Oost-Vlaanderen',
      contactEmail: 'sociaalhuis@lede.be',
      adminEmail: 'eerste.beheerder@lede.be',
    };
    /** Submits the "Nieuwe gemeente" form: the valid fields above with these changes. */
    const createTenantWith = (changes: Record<string, string>) =>
      submitForm(admin, '/beheer/nieuwe-gemeente', { ...fields, ...changes });

    it.each([
      ['www', 'Het webadres "www" is voorbehouden voor het platform'],
      ['admin', 'Het webadres "admin" is voorbehouden voor het platform'],
      ['De Panne', 'Het webadres "de panne" kan niet.'],
      ['-lede', 'kleine letters, cijfers of koppeltekens'],
      ['', 'Vul het webadres in'],
    ])('refuses the web address %j with a clear message', async (slug, message) => {
      const res = await createTenantWith({ slug });
      expect(res.status).toBe(400);
      expect(res.text).toContain(message.replace(/"/g, '&quot;'));
      expect(res.text).toContain('href="#slug"');
      expect(res.text).toContain('value="eerste.beheerder@lede.be"');
      expect(await tenantBySlug(fields.slug)).toBeNull();
    });

    it('refuses a web address that another municipality has', async () => {
      const res = await createTenantWith({ slug: 'gent', name: 'Gent bis' });
      expect(res.status).toBe(409);
      expect(res.text).toContain(
        'Het webadres &quot;gent&quot; is al in gebruik door Gent. Kies een ander webadres.',
      );
      expect(res.text).toContain('value="Gent bis"');
      expect(
        await db()
          .getRepository(Tenant)
          .count({ where: { name: 'Gent bis' } }),
      ).toBe(0);
    });

    it('refuses other invalid fields with Dutch messages naming them', async () => {
      const res = await createTenantWith({
        nisCode: '1234',
        province: 'Brussel',
        contactEmail: '',
        adminEmail: 'geen-adres',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('De NIS-code bestaat uit 5 cijfers');
      expect(res.text).toContain('Kies de provincie uit de lijst.');
      expect(res.text).toContain('Vul het e-mailadres van de sociale dienst in.');
      expect(res.text).toContain('Vul een geldig e-mailadres van de eerste beheerder in');
    });

    it('creates the municipality from a request and invites its first admin', async () => {
      const request = await db()
        .getRepository(OnboardingRequest)
        .findOneOrFail({ where: { email: validRequest.email } });
      const detail = await admin.get(`/beheer/aanvragen/${request.id}`).expect(200);
      expect(detail.text).toContain('Gemeente aanmaken');
      expect(detail.text).toContain('Afwijzen');

      const form = await admin.get(`/beheer/nieuwe-gemeente?aanvraag=${request.id}`).expect(200);
      expect(form.text).toContain('value="Stad Sint-Niklaas"');
      expect(form.text).toContain('value="sint-niklaas"');
      expect(form.text).toContain('value="an.verbeke@sint-niklaas.be"');
      expect(form.text).toContain(`name="requestId" value="${request.id}"`);

      const res = await admin
        .post('/beheer/nieuwe-gemeente')
        .type('form')
        .send({
          requestId: request.id,
          slug: 'sint-niklaas',
          name: 'Sint-Niklaas',
          nisCode: '46021',
          province: 'Oost-Vlaanderen',
          contactEmail: 'sociaalhuis@sint-niklaas.be',
          adminEmail: 'an.verbeke@sint-niklaas.be',
          _csrf: csrfIn(form.text),
        });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/beheer/gemeenten/sint-niklaas');
      const page = await admin.get('/beheer/gemeenten/sint-niklaas').expect(200);
      expect(page.text).toContain(
        'Sint-Niklaas is aangemaakt. We stuurden een uitnodiging naar an.verbeke@sint-niklaas.be.',
      );

      const tenant = await tenantBySlug('sint-niklaas');
      expect(tenant).toMatchObject({
        name: 'Sint-Niklaas',
        nisCode: '46021',
        province: 'Oost-Vlaanderen',
        contactEmail: 'sociaalhuis@sint-niklaas.be',
        status: 'active',
      });
      const handled = await db()
        .getRepository(OnboardingRequest)
        .findOneOrFail({ where: { id: request.id } });
      expect(handled).toMatchObject({
        status: 'accepted',
        createdTenantId: tenant!.id,
        handledByUserId: admins[0].user.id,
      });

      const home = await t.agent('sint-niklaas').get('/').expect(200);
      expect(home.text).toContain('Welkom bij de Mantelzorghub van Sint-Niklaas');

      const mail = await sink.waitFor((m) => recipient(m) === 'an.verbeke@sint-niklaas.be');
      expect(mail.text).toContain(`${t.url('sint-niklaas', '/uitnodiging/')}`);

      const accepted = await admin.get(`/beheer/aanvragen/${request.id}`).expect(200);
      expect(accepted.text).toContain('Deze aanvraag is aanvaard.');
      expect(accepted.text).toContain('href="/beheer/gemeenten/sint-niklaas"');

      // The request is no longer open, and cannot be used twice.
      expect((await admin.get('/beheer').expect(200)).text).not.toContain(
        `/beheer/aanvragen/${request.id}`,
      );
      const again = await createTenantWith({ requestId: request.id });
      expect(again.status).toBe(409);
      expect(again.text).toContain('Deze aanvraag is al behandeld.');
      expect(await tenantBySlug('lede')).toBeNull();
    });

    it('creates nothing when the invitation cannot be stored', async () => {
      const invitations = t.get(InvitationsService);
      const spy = jest
        .spyOn(invitations, 'queueInvite')
        .mockRejectedValueOnce(new Error('database gone'));
      try {
        const res = await createTenantWith({ slug: 'zele', name: 'Zele' });
        expect(res.status).toBe(500);
      } finally {
        spy.mockRestore();
      }
      expect(await tenantBySlug('zele')).toBeNull();
      await t.agent('zele').get('/').expect(404);
      expect(
        await db()
          .getRepository(AuthToken)
          .count({ where: { email: fields.adminEmail } }),
      ).toBe(0);
    });

    it('creates a municipality without a request', async () => {
      const res = await createTenantWith({ nisCode: '' });
      expect(res.status).toBe(303);
      expect(await tenantBySlug('lede')).toMatchObject({ name: 'Lede', nisCode: null });
      await t.agent('lede').get('/').expect(200);
      await sink.waitFor((m) => recipient(m) === 'eerste.beheerder@lede.be');
    });
  });

  describe('inviting another admin for a municipality', () => {
    beforeAll(() => logInAdmin());

    it('sends a new invitation from the municipality page', async () => {
      const detail = await admin.get('/beheer/gemeenten/lede').expect(200);
      expect(detail.text).toContain('href="/beheer/gemeenten/lede/uitnodigen"');
      const bad = await submitForm(admin, '/beheer/gemeenten/lede/uitnodigen', {
        email: 'geen adres',
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('Vul een geldig e-mailadres van de beheerder in');
      expect(bad.text).toContain('value="geen adres"');

      const res = await submitForm(admin, '/beheer/gemeenten/lede/uitnodigen', {
        email: 'Opvolger@Lede.be',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/beheer/gemeenten/lede');
      const mail = await sink.waitFor((m) => recipient(m) === 'opvolger@lede.be');
      expect(mail.text).toContain(t.url('lede', '/uitnodiging/'));
      expect((await admin.get('/beheer/gemeenten/lede').expect(200)).text).toContain(
        'We stuurden een uitnodiging naar Opvolger@Lede.be.',
      );
    });
  });

  describe('declining a request', () => {
    beforeAll(() => logInAdmin());

    it('asks once, then marks the request declined', async () => {
      const visitor = t.agent(null);
      await submitForm(visitor, '/aanvragen', {
        ...validRequest,
        municipalityName: 'Nergenshoven',
        email: 'info@nergenshoven.be',
      });
      const request = await db()
        .getRepository(OnboardingRequest)
        .findOneOrFail({ where: { email: 'info@nergenshoven.be' } });
      const confirm = await admin.get(`/beheer/aanvragen/${request.id}/afwijzen`).expect(200);
      expect(confirm.text).toContain('Aanvraag van Nergenshoven afwijzen?');
      const res = await admin
        .post(`/beheer/aanvragen/${request.id}/afwijzen`)
        .type('form')
        .send({ _csrf: csrfIn(confirm.text) })
        .expect(303);
      expect(res.headers.location).toBe('/beheer');
      const overview = await admin.get('/beheer').expect(200);
      expect(overview.text).toContain('De aanvraag van Nergenshoven is afgewezen.');
      expect(overview.text).not.toContain(`/beheer/aanvragen/${request.id}`);
      expect(
        await db().getRepository(OnboardingRequest).findOneByOrFail({ id: request.id }),
      ).toMatchObject({ status: 'declined' });
    });

    it('answers 404 for an unknown request', async () => {
      await admin.get('/beheer/aanvragen/00000000-0000-4000-8000-000000000000').expect(404);
      await admin.get('/beheer/aanvragen/geen-id').expect(404);
    });
  });

  describe('suspending and reactivating', () => {
    beforeAll(() => logInAdmin());

    it('suspends a municipality after a confirmation that says the consequence', async () => {
      await createTenant(t, { slug: 'ieper', name: 'Ieper' });
      await t.agent('ieper').get('/').expect(200); // now in the tenant cache

      const confirm = await admin.get('/beheer/gemeenten/ieper/opschorten').expect(200);
      expect(confirm.text).toContain('Ieper opschorten?');
      expect(confirm.text).toContain('niet meer bereiken');
      expect(confirm.text).toContain('Er wordt niets gewist.');
      await admin
        .post('/beheer/gemeenten/ieper/opschorten')
        .type('form')
        .send({ _csrf: csrfIn(confirm.text) })
        .expect(303);

      const res = await t.agent('ieper').get('/').expect(503);
      expect(res.headers['retry-after']).toBeDefined();
      const detail = await admin.get('/beheer/gemeenten/ieper').expect(200);
      expect(detail.text).toContain('Ieper is opgeschort.');
      expect(detail.text).not.toContain('/brand.css'); // the console is the platform's, not Ieper's
    });

    it('reactivates it', async () => {
      const confirm = await admin.get('/beheer/gemeenten/ieper/heractiveren').expect(200);
      expect(confirm.text).toContain('Ieper weer openzetten?');
      await admin
        .post('/beheer/gemeenten/ieper/heractiveren')
        .type('form')
        .send({ _csrf: csrfIn(confirm.text) })
        .expect(303);
      await t.agent('ieper').get('/').expect(200);
    });

    it('refuses a POST without a CSRF token and from a non-admin', async () => {
      await admin.post('/beheer/gemeenten/ieper/opschorten').type('form').send({}).expect(403);
      await t
        .agent(null)
        .post('/beheer/gemeenten/ieper/opschorten')
        .type('form')
        .send({})
        .expect(403);
      await t.agent('ieper').get('/').expect(200);
    });

    it('answers 404 for an unknown municipality', async () => {
      await admin.get('/beheer/gemeenten/bestaat-niet').expect(404);
    });
  });

  describe('rate limit', () => {
    it('refuses more than a handful of submissions per address, and stores nothing then', async () => {
      const visitor = t.agent(null);
      const statuses: number[] = [];
      for (let i = 0; i <= ONBOARDING_LIMIT && !statuses.includes(429); i++) {
        const res = await submitForm(visitor, '/aanvragen', {
          ...validRequest,
          email: `spam${i}@example.be`,
        });
        statuses.push(res.status);
      }
      expect(statuses[statuses.length - 1]).toBe(429);
      const refused = await submitForm(visitor, '/aanvragen', {
        ...validRequest,
        email: 'nog-een@example.be',
      });
      expect(refused.status).toBe(429);
      expect(refused.text).toContain('Even geduld');
      expect(
        await db()
          .getRepository(OnboardingRequest)
          .count({ where: { email: 'nog-een@example.be' } }),
      ).toBe(0);
    });
  });
});
