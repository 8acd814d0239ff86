import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { contrastMessage } from '../src/admin/branding.controller';
import { LOGO_MESSAGES, MAX_LOGO_BYTES } from '../src/admin/logo-image';
import { Membership } from '../src/auth/entities/membership.entity';
import { asTenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { StoredFile } from '../src/files/entities/stored-file.entity';
import { OutboxMessage } from '../src/mail/entities/outbox-message.entity';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { TenantsService } from '../src/tenancy/tenants.service';
import { contrastRatio } from '../src/web/contrast';
import { clickAndWait, launchBrowser, newCheckedContext } from './support/browser';
import { createMember, createTenant, type TestMember } from './support/factories';
import { csrfIn, logIn, submitForm } from './support/csrf';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * A municipality's admin area (/beheer): who may enter, branding (colour contrast, logo upload),
 * welcome text and contact, members and roles, invitations, and the legal pages.
 */

type Agent = ReturnType<TestApp['agent']>;

/** Uploads a logo the way the browser form does: multipart, CSRF token in the query string. */
async function uploadLogo(agent: Agent, content: Buffer, filename: string, contentType: string) {
  const page = await agent.get('/beheer/huisstijl').expect(200);
  const action = /action="(\/beheer\/huisstijl\/logo\?_csrf=[^"]+)"/.exec(page.text)?.[1];
  if (!action) throw new Error('no logo form on the branding page');
  return agent
    .post(action.replace(/&amp;/g, '&'))
    .attach('logo', content, { filename, contentType });
}

describe('municipality admin (/beheer)', () => {
  let t: TestApp;
  let gent: Tenant;
  let ieper: Tenant;
  let admin: TestMember;
  let caregiver: TestMember;
  let professional: TestMember;
  let ieperMember: TestMember;
  let adminAgent: Agent;

  const saveBranding = (fields: Record<string, string>) =>
    submitForm(adminAgent, '/beheer/huisstijl', fields);
  const saveWelcome = (fields: Record<string, string>) =>
    submitForm(adminAgent, '/beheer/welkom', fields);
  const changeRole = (membershipId: string, role: string) =>
    submitForm(
      adminAgent,
      `/beheer/leden/${membershipId}`,
      { role },
      `/beheer/leden/${membershipId}/rol`,
    );
  const tenantRow = async () => (await t.get(TenantsService).findById(gent.id))!;
  const membershipRow = (id: string) =>
    t
      .get(TenantTransaction)
      .run(asTenantId(gent.id), (em) =>
        em.getRepository(Membership).findOneOrFail({ where: { tenantId: gent.id, id } }),
      );

  beforeAll(async () => {
    t = await createTestApp();
    gent = await createTenant(t, {
      slug: 'gent',
      name: 'Gent',
      contactEmail: 'mantelzorg@stad.gent',
      contactPhone: '09 266 11 11',
      contactAddress: 'Woodrow Wilsonplein 1, 9000 Gent',
    });
    ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    admin = await createMember(t, {
      tenant: gent,
      role: 'tenant_admin',
      displayName: 'Annelies Beheer',
    });
    caregiver = await createMember(t, {
      tenant: gent,
      role: 'caregiver',
      displayName: 'Marc Mantelzorger',
    });
    professional = await createMember(t, {
      tenant: gent,
      role: 'professional',
      displayName: 'Sofie Sociaal',
    });
    ieperMember = await createMember(t, {
      tenant: ieper,
      role: 'caregiver',
      displayName: 'Ieperse Ingrid',
    });
    adminAgent = t.agent('gent');
    await logIn(adminAgent, admin);
  });
  afterAll(() => t.close());

  describe('access', () => {
    it('sends an anonymous visitor to the login page', async () => {
      for (const path of ['/beheer', '/beheer/huisstijl', '/beheer/leden', '/beheer/privacy']) {
        const res = await t.agent('gent').get(path).expect(303);
        expect(res.headers.location).toBe(`/inloggen?terug=${encodeURIComponent(path)}`);
      }
    });

    it('refuses caregivers and professionals with 403', async () => {
      for (const member of [caregiver, professional]) {
        const agent = t.agent('gent');
        await logIn(agent, member);
        for (const path of [
          '/beheer',
          '/beheer/huisstijl',
          '/beheer/welkom',
          '/beheer/leden',
          '/beheer/leden/uitnodigen',
          '/beheer/privacy',
          '/beheer/toegankelijkheid',
        ]) {
          const res = await agent.get(path).expect(403);
          expect(res.text).toContain('Geen toegang');
        }
        // A form page they may see gives a valid CSRF token; the POST is refused by the role guard.
        const token = csrfIn((await agent.get('/account').expect(200)).text);
        await agent
          .post('/beheer/huisstijl')
          .type('form')
          .send({ name: 'Overgenomen', brandColor: '#000000', _csrf: token })
          .expect(403);
        expect((await tenantRow()).name).toBe('Gent');
      }
    });

    it('shows the overview with a link to every section', async () => {
      const res = await adminAgent.get('/beheer').expect(200);
      for (const href of [
        '/beheer/huisstijl',
        '/beheer/welkom',
        '/beheer/leden',
        '/beheer/privacy',
        '/beheer/toegankelijkheid',
      ]) {
        expect(res.text).toContain(`href="${href}"`);
      }
    });
  });

  describe('branding', () => {
    it('refuses a colour that fails contrast with white text, with the ratio and the input kept', async () => {
      const res = await saveBranding({
        name: 'Stad Gent',
        brandColor: '#ffcc00',
        brandColorText: '',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('<title>Fout: ');
      expect(res.text).toContain('Er is een probleem');
      expect(res.text).toContain(contrastMessage('#ffcc00', contrastRatio('#ffcc00', '#ffffff')));
      expect(res.text).toContain('1,5 tegen 1'); // 1.51, rounded down
      expect(res.text).toMatch(/kies een donkerdere kleur/i);
      expect(res.text).toContain('value="#ffcc00"');
      expect(res.text).toContain('value="Stad Gent"');
      expect((await tenantRow()).name).toBe('Gent');
    });

    it('refuses a typed colour code that is not a colour, and one that fails contrast', async () => {
      let res = await saveBranding({
        name: 'Gent',
        brandColor: '#1d5c8f',
        brandColorText: 'blauw',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('De kleurcode &quot;#blauw&quot; klopt niet');
      res = await saveBranding({
        name: 'Gent',
        brandColor: '#1d5c8f',
        brandColorText: '#eee',
      });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/kies een donkerdere kleur/i);
      expect(res.text).toContain('aria-invalid="true"');
    });

    it('saves a good colour and name, and serves them at once', async () => {
      const res = await saveBranding({
        name: 'Stad Gent',
        brandColor: '#7a1f5c',
        brandColorText: '',
      });
      expect(res.status).toBe(303);
      // updated_at moves, so it can version /brand.css and /logo URLs.
      expect((await tenantRow()).updatedAt.getTime()).toBeGreaterThan(gent.updatedAt.getTime());
      const css = await t.agent('gent').get('/brand.css').expect(200);
      expect(css.text).toContain('--brand:#7a1f5c');
      const home = await t.agent('gent').get('/').expect(200);
      expect(home.text).toContain('Welkom bij de Mantelzorghub van Stad Gent');
      const page = await adminAgent.get('/beheer/huisstijl').expect(200);
      expect(page.text).toContain('De huisstijl is opgeslagen.');
    });

    it('takes a typed colour code over the colour picker', async () => {
      const res = await saveBranding({
        name: 'Gent',
        brandColor: '#000000',
        brandColorText: '1D5C8F',
      });
      expect(res.status).toBe(303);
      expect((await tenantRow()).brandColor).toBe('#1d5c8f');
    });
  });

  describe('logo', () => {
    it('accepts a PNG, strips its metadata and serves it at /logo', async () => {
      const png = await sharp({
        create: { width: 120, height: 60, channels: 3, background: '#1d5c8f' },
      })
        .png()
        .withMetadata({
          exif: { IFD0: { Copyright: 'Fotograaf Geheim', ImageDescription: 'Belfort' } },
        })
        .toBuffer();
      expect((await sharp(png).metadata()).exif).toBeDefined();
      const res = await uploadLogo(adminAgent, png, 'logo.png', 'image/png');
      expect(res.status).toBe(303);
      const logoFileId = (await tenantRow()).logoFileId;
      expect(logoFileId).toBeTruthy();

      const logo = await t.agent('gent').get('/logo').buffer(true).expect(200);
      expect(logo.headers['content-type']).toBe('image/png');
      const body = logo.body as Buffer;
      const meta = await sharp(body).metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBe(120);
      expect(meta.exif).toBeUndefined();
      expect(body.includes(Buffer.from('Fotograaf Geheim'))).toBe(false);

      const home = await t.agent('gent').get('/').expect(200);
      expect(home.text).toMatch(/<img[^>]+src="\/logo[^"]*"[^>]+alt="Gent"/);
    });

    it('replaces the previous logo file instead of piling them up', async () => {
      const before = (await tenantRow()).logoFileId!;
      const jpeg = await sharp({
        create: { width: 40, height: 40, channels: 3, background: '#222222' },
      })
        .jpeg()
        .toBuffer();
      expect((await uploadLogo(adminAgent, jpeg, 'logo.jpg', 'image/jpeg')).status).toBe(303);
      const after = (await tenantRow()).logoFileId!;
      expect(after).not.toBe(before);
      const ids = await t
        .get(TenantTransaction)
        .run(asTenantId(gent.id), (em) =>
          em.getRepository(StoredFile).find({ where: { tenantId: gent.id } }),
        );
      expect(ids.map((f) => f.id)).toEqual([after]);
      const logo = await t.agent('gent').get('/logo').expect(200);
      expect(logo.headers['content-type']).toBe('image/jpeg');
    });

    it('refuses an SVG and a text file renamed to .png, whatever the header says', async () => {
      const svg = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
      );
      const before = (await tenantRow()).logoFileId;
      for (const [content, name, type] of [
        [svg, 'logo.svg', 'image/svg+xml'],
        [svg, 'logo.png', 'image/png'],
        [Buffer.from('Dit is geen afbeelding maar gewone tekst.'), 'logo.png', 'image/png'],
      ] as const) {
        const res = await uploadLogo(adminAgent, content, name, type);
        expect(res.status).toBe(400);
        expect(res.text).toContain(LOGO_MESSAGES.wrongType);
        expect(res.text).toContain('href="#logo"');
        expect(res.text).toContain('value="Gent"'); // the name field still shows the current name
      }
      expect((await tenantRow()).logoFileId).toBe(before);
    });

    it('refuses a file over 2 MB with a Dutch form error, not a 413', async () => {
      const big = Buffer.concat([
        await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
          .png()
          .toBuffer(),
        Buffer.alloc(MAX_LOGO_BYTES + 1024),
      ]);
      const res = await uploadLogo(adminAgent, big, 'groot.png', 'image/png');
      expect(res.status).toBe(400);
      expect(res.text).toContain(LOGO_MESSAGES.tooLarge);
      expect(res.text).toContain('Er is een probleem');
    });

    it('asks for a file when none was chosen', async () => {
      const page = await adminAgent.get('/beheer/huisstijl').expect(200);
      const res = await adminAgent
        .post(`/beheer/huisstijl/logo?_csrf=${encodeURIComponent(csrfIn(page.text))}`)
        .field('x', '')
        .expect(400);
      expect(res.text).toContain(LOGO_MESSAGES.missing);
    });

    it('refuses an upload without the CSRF token', async () => {
      const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
        .png()
        .toBuffer();
      await adminAgent.post('/beheer/huisstijl/logo').attach('logo', png, 'logo.png').expect(403);
    });

    it('removes the logo', async () => {
      const res = await submitForm(
        adminAgent,
        '/beheer/huisstijl',
        {},
        '/beheer/huisstijl/logo/verwijderen',
      );
      expect(res.status).toBe(303);
      expect((await tenantRow()).logoFileId).toBeNull();
      await t.agent('gent').get('/logo').expect(404);
    });
  });

  describe('welcome text and contact', () => {
    it('shows the welcome text as escaped paragraphs and the contact on the home page', async () => {
      const res = await saveWelcome({
        welcomeText: 'Elke eerste dinsdag is er Mantelzorgcafé.\n\nKom gerust eens <b>langs</b>.',
        contactEmail: 'Sociaalhuis@Stad.Gent',
        contactPhone: '09 210 10 10',
        contactAddress: 'Onderbergen 86, 9000 Gent',
      });
      expect(res.status).toBe(303);
      const home = await t.agent('gent').get('/').expect(200);
      expect(home.text).toContain('<p>Elke eerste dinsdag is er Mantelzorgcafé.</p>');
      expect(home.text).toContain('<p>Kom gerust eens &lt;b&gt;langs&lt;/b&gt;.</p>');
      expect(home.text).toContain('09 210 10 10');
      expect(home.text).toContain('mailto:sociaalhuis@stad.gent');
      expect(home.text).toContain('Onderbergen 86, 9000 Gent');
    });

    it('refuses a wrong e-mail address and keeps what was typed', async () => {
      const res = await saveWelcome({
        welcomeText: 'Nieuwe tekst die niet bewaard wordt.',
        contactEmail: 'geen-adres',
        contactPhone: '',
        contactAddress: '',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Vul een geldig e-mailadres in');
      expect(res.text).toContain('Nieuwe tekst die niet bewaard wordt.');
      expect((await tenantRow()).welcomeText).toContain('Elke eerste dinsdag');
    });

    it('empties optional contact fields', async () => {
      const res = await saveWelcome({
        welcomeText: 'Welkom in Gent.',
        contactEmail: 'sociaalhuis@stad.gent',
        contactPhone: '',
        contactAddress: 'Onderbergen 86, 9000 Gent',
      });
      expect(res.status).toBe(303);
      expect((await tenantRow()).contactPhone).toBeNull();
    });
  });

  describe('members', () => {
    it("lists this municipality's members with their e-mail, and nobody else's", async () => {
      const res = await adminAgent.get('/beheer/leden').expect(200);
      for (const m of [admin, caregiver, professional]) expect(res.text).toContain(m.email);
      expect(res.text).toContain('Marc Mantelzorger');
      expect(res.text).toContain('Sociale dienst of zorgprofessional');
      expect(res.text).not.toContain(ieperMember.email);
      expect(res.text).not.toContain('Ieperse Ingrid');
    });

    it("changes a member's role", async () => {
      const id = caregiver.membership!.id;
      const res = await changeRole(id, 'professional');
      expect(res.status).toBe(303);
      expect((await membershipRow(id)).role).toBe('professional');
      const page = await adminAgent.get(`/beheer/leden/${id}`).expect(200);
      expect(page.text).toContain(
        'De rol van Marc Mantelzorger is nu: Sociale dienst of zorgprofessional.',
      );
    });

    it('refuses an unknown role', async () => {
      const id = caregiver.membership!.id;
      const res = await changeRole(id, 'platform_admin');
      expect(res.status).toBe(400);
      expect(res.text).toContain('Kies de rol van dit lid.');
    });

    it('answers a role the input guard refuses with the member page and the error at the field', async () => {
      const id = caregiver.membership!.id;
      const before = (await membershipRow(id)).role;
      const res = await changeRole(id, 'tenant_admin\u0000');
      expect(res.status).toBe(400);
      expect(res.text).toContain('href="#role"');
      expect(res.text).toContain('<form');
      expect((await membershipRow(id)).role).toBe(before);
    });

    it('never demotes the last admin', async () => {
      const id = admin.membership!.id;
      const res = await changeRole(id, 'caregiver');
      expect(res.status).toBe(400);
      expect(res.text).toContain('Annelies Beheer is de enige beheerder van deze gemeente');
      expect((await membershipRow(id)).role).toBe('tenant_admin');
    });

    it('demotes an admin when another admin remains', async () => {
      const id = professional.membership!.id;
      let res = await changeRole(id, 'tenant_admin');
      expect(res.status).toBe(303);
      res = await changeRole(id, 'professional');
      expect(res.status).toBe(303);
      expect((await membershipRow(id)).role).toBe('professional');
    });

    it('marks a member as municipal staff and back, and refuses another value', async () => {
      const id = professional.membership!.id;
      const setStaff = (fields: Record<string, string>) =>
        submitForm(adminAgent, `/beheer/leden/${id}`, fields, `/beheer/leden/${id}/medewerker`);
      expect((await membershipRow(id)).staff).toBe(false);
      expect((await setStaff({ staff: '1' })).status).toBe(303);
      expect((await membershipRow(id)).staff).toBe(true);
      const page = await adminAgent.get(`/beheer/leden/${id}`).expect(200);
      expect(page.text).toContain('Sofie Sociaal is nu aangeduid als medewerker van de gemeente.');
      const refused = await setStaff({ staff: 'ja' });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('href="#staff"');
      expect((await membershipRow(id)).staff).toBe(true);
      // An unchecked box posts nothing: the flag goes off.
      expect((await setStaff({})).status).toBe(303);
      expect((await membershipRow(id)).staff).toBe(false);
    });

    it('answers 404 for a member id of another municipality, or no id at all', async () => {
      const foreign = ieperMember.membership!.id;
      await adminAgent.get(`/beheer/leden/${foreign}`).expect(404);
      const page = await adminAgent.get('/beheer/leden').expect(200);
      await adminAgent
        .post(`/beheer/leden/${foreign}/rol`)
        .type('form')
        .send({
          role: 'tenant_admin',
          _csrf: csrfIn(await adminAgent.get('/beheer/welkom').then((r) => r.text)),
        })
        .expect(404);
      expect(page.status).toBe(200);
      await adminAgent.get('/beheer/leden/niet-een-id').expect(404);
      const row = await t
        .get(TenantTransaction)
        .run(asTenantId(ieper.id), (em) =>
          em
            .getRepository(Membership)
            .findOneOrFail({ where: { tenantId: ieper.id, id: foreign } }),
        );
      expect(row.role).toBe('caregiver');
    });

    it('invites a professional by e-mail', async () => {
      const res = await submitForm(adminAgent, '/beheer/leden/uitnodigen', {
        email: 'Nieuwe.Collega@Stad.Gent',
        role: 'professional',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/beheer/leden');
      const list = await adminAgent.get('/beheer/leden').expect(200);
      expect(list.text).toContain(
        'We hebben een uitnodiging gestuurd naar nieuwe.collega@stad.gent.',
      );
      const queued = await t
        .get(TenantTransaction)
        .run(asTenantId(gent.id), (em) =>
          em
            .getRepository(OutboxMessage)
            .find({ where: { tenantId: gent.id, toAddress: 'nieuwe.collega@stad.gent' } }),
        );
      expect(queued).toHaveLength(1);
    });

    it('refuses an invitation without a role, for a caregiver role, or for an existing member', async () => {
      let res = await submitForm(adminAgent, '/beheer/leden/uitnodigen', {
        email: 'iemand@stad.gent',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Kies welke rol deze persoon krijgt.');
      expect(res.text).toContain('value="iemand@stad.gent"');
      res = await submitForm(adminAgent, '/beheer/leden/uitnodigen', {
        email: 'iemand@stad.gent',
        role: 'caregiver',
      });
      expect(res.status).toBe(400);
      res = await submitForm(adminAgent, '/beheer/leden/uitnodigen', {
        email: caregiver.email,
        role: 'tenant_admin',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('is al lid van de Mantelzorghub');
    });
  });

  describe('legal pages', () => {
    it('serves a generated privacy statement with the municipality and its contact, without a cookie', async () => {
      const res = await t.agent('gent').get('/privacy').expect(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.text).toContain('<h1>Privacyverklaring van de Mantelzorghub Gent</h1>');
      expect(res.text).toContain('Gent is verantwoordelijk voor je gegevens');
      expect(res.text).toContain('sociaalhuis@stad.gent');
      expect(res.text).toContain('artikel 9');
      expect(res.text).toContain('Vlaamse Toezichtcommissie');
      expect(res.text).toMatch(/<h2>Je rechten<\/h2>/);
      expect(res.text).toContain('<li>Je gegevens bekijken en downloaden.</li>');
      const ieperPage = await t.agent('ieper').get('/privacy').expect(200);
      expect(ieperPage.text).toContain('Ieper is verantwoordelijk voor je gegevens');
      expect(ieperPage.text).not.toContain('stad.gent');
    });

    it('serves a generated accessibility statement', async () => {
      const res = await t.agent('gent').get('/toegankelijkheid').expect(200);
      expect(res.text).toContain('Toegankelijkheidsverklaring van de Mantelzorghub Gent');
      expect(res.text).toContain('Bestuursdecreet van 7 december 2018');
      expect(res.text).toContain('2016/2102');
      expect(res.text).toContain('WCAG 2.1');
      expect(res.text).toContain('Een probleem melden');
    });

    it("lets an admin edit the privacy statement; it is shown escaped, on this municipality's host only", async () => {
      const edit = await adminAgent.get('/beheer/privacy').expect(200);
      expect(edit.text).toContain('Nu staat de standaardtekst op de website.');
      expect(edit.text).toContain('Gent is verantwoordelijk voor je gegevens'); // prefilled with the standard text
      const res = await submitForm(adminAgent, '/beheer/privacy', {
        body: 'Onze eigen tekst.\n\n## Contact\nMail <script>alert("x")</script> naar ons.',
      });
      expect(res.status).toBe(303);
      const page = await t.agent('gent').get('/privacy').expect(200);
      expect(page.text).toContain('<p>Onze eigen tekst.</p>');
      expect(page.text).toContain('<h2>Contact</h2>');
      expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(page.text).not.toContain('<script>alert');
      expect(page.text).not.toContain('Vlaamse Toezichtcommissie');
      const ieperPage = await t.agent('ieper').get('/privacy').expect(200);
      expect(ieperPage.text).not.toContain('Onze eigen tekst.');
      const overview = await adminAgent.get('/beheer').expect(200);
      expect(overview.text).toContain('Eigen tekst van de gemeente');
    });

    it('refuses an empty statement', async () => {
      const res = await submitForm(adminAgent, '/beheer/toegankelijkheid', { body: '   ' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Vul de tekst van de verklaring in.');
    });

    it('goes back to the standard text after a confirmation', async () => {
      const confirm = await adminAgent.get('/beheer/privacy/standaard').expect(200);
      expect(confirm.text).toContain('Jullie eigen tekst wordt gewist.');
      const res = await submitForm(adminAgent, '/beheer/privacy/standaard', {});
      expect(res.status).toBe(303);
      const next = await adminAgent.get(res.headers.location).expect(200);
      expect(next.text).toContain('De standaardtekst staat weer op de website.');
      const page = await t.agent('gent').get('/privacy').expect(200);
      expect(page.text).toContain('Vlaamse Toezichtcommissie');
      expect(page.text).not.toContain('Onze eigen tekst.');
    });
  });

  describe('in a browser, every admin page passes an axe scan (WCAG 2.2 AA)', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(() => browser?.close());

    it('scans the admin pages, their error states and the legal pages', async () => {
      const { context, scan } = await newCheckedContext(browser);
      const page = await context.newPage();
      await page.goto(t.url('gent', '/inloggen?terug=/beheer'));
      await page.fill('#email', admin.email);
      await page.fill('#password', admin.password);
      await clickAndWait(page, 'main form button[type=submit]');
      expect(new URL(page.url()).pathname).toBe('/beheer');
      await scan(page);

      await page.goto(t.url('gent', '/beheer/huisstijl'));
      await scan(page);
      await page.fill('#brandColorText', '#ffdd00');
      await clickAndWait(page, 'form[action="/beheer/huisstijl"] button[type=submit]');
      expect(await page.title()).toMatch(/^Fout: /);
      expect(await page.textContent('#brandColorText-error')).toMatch(/kies een donkerdere kleur/i);
      expect(await page.inputValue('#brandColorText')).toBe('#ffdd00');
      await scan(page);

      await page.setInputFiles('#logo', {
        name: 'logo.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      });
      await clickAndWait(page, 'form[enctype="multipart/form-data"] button[type=submit]');
      expect(await page.textContent('#logo-error')).toContain(LOGO_MESSAGES.wrongType);
      await scan(page);

      for (const path of [
        '/beheer/welkom',
        '/beheer/leden',
        `/beheer/leden/${caregiver.membership!.id}`,
      ]) {
        await page.goto(t.url('gent', path));
        await scan(page);
      }

      await page.goto(t.url('gent', '/beheer/leden/uitnodigen'));
      await scan(page);
      await page.fill('#email', 'geen-adres');
      await clickAndWait(page, 'main form button[type=submit]');
      expect(await page.title()).toMatch(/^Fout: /);
      await scan(page);

      await page.goto(t.url('gent', '/beheer/toegankelijkheid'));
      await scan(page);
      await page.fill('#body', 'Eigen verklaring.\n\n## Contact\nBel ons.');
      await clickAndWait(page, 'main form button[type=submit]');
      await page.goto(t.url('gent', '/beheer/toegankelijkheid/standaard'));
      await scan(page);
      await clickAndWait(page, 'main form button[type=submit]');
      // The lasting effect (the flash message itself is asserted by the supertest cases above).
      expect(await page.textContent('main')).toContain('Nu staat de standaardtekst op de website.');

      for (const path of ['/privacy', '/toegankelijkheid']) {
        await page.goto(t.url('gent', path));
        await scan(page);
      }
      await context.close();
    });
  });
});
