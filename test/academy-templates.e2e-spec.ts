import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AcademyTemplateMaterial } from '../src/academy/common/entities/academy-template-material.entity';
import { AcademyTemplateSession } from '../src/academy/common/entities/academy-template-session.entity';
import { AcademyTemplate } from '../src/academy/common/entities/academy-template.entity';
import { seedTemplates } from '../src/academy/templates/seed-templates';
import { PlatformFile } from '../src/files/entities/platform-file.entity';
import { logIn, submitForm } from './support/csrf';
import { createMember, createTenant } from './support/factories';
import { templateForm, TINY_PDF } from './support/features/academy/templates';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The catalogue of templates: platform admins keep it on the platform host (programme rows
 * without JavaScript, archive, materials checked from their bytes), a municipality's admin reads
 * the active templates on its hub; the demo seeder.
 */
type Agent = ReturnType<TestApp['agent']>;

describe('academy templates', () => {
  let t: TestApp;
  let admin: Agent;
  let gentAdmin: Agent;
  let caregiver: Agent;
  const db = () => t.get(DataSource);
  const count = (
    entity:
      | typeof AcademyTemplate
      | typeof AcademyTemplateSession
      | typeof AcademyTemplateMaterial
      | typeof PlatformFile,
  ) => db().getRepository(entity).count();
  const bySlug = (slug: string) => db().getRepository(AcademyTemplate).findOneBy({ slug });
  const sessionsOf = async (slug: string) =>
    db()
      .getRepository(AcademyTemplateSession)
      .find({ where: { templateId: (await bySlug(slug))!.id }, order: { position: 'ASC' } });

  /** Posts the material form as the browser does: multipart, the CSRF token in the query. */
  async function upload(
    slug: string,
    title: string,
    file?: { content: Buffer; name: string; type: string },
  ) {
    const page = await admin.get(`/beheer/academie/${slug}`).expect(200);
    const action = /action="(\/beheer\/academie\/[^"/]+\/materiaal\?_csrf=[^"]+)"/.exec(
      page.text,
    )?.[1];
    if (!action) throw new Error('no material form');
    let req = admin.post(action.replace(/&amp;/g, '&')).field('materialTitle', title);
    if (file)
      req = req.attach('file', file.content, { filename: file.name, contentType: file.type });
    return req;
  }

  beforeAll(async () => {
    t = await createTestApp({ worker: false });
    const gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    const platformAdmin = await createMember(t, { platformAdmin: true });
    admin = t.agent(null);
    await logIn(admin, platformAdmin);
    gentAdmin = t.agent('gent');
    await logIn(gentAdmin, await createMember(t, { tenant: gent, role: 'tenant_admin' }));
    caregiver = t.agent('gent');
    await logIn(caregiver, await createMember(t, { tenant: gent, role: 'caregiver' }));
  });
  afterAll(() => t?.close());

  it('creates a track with its sessions; empty rows are ignored', async () => {
    const res = await submitForm(
      admin,
      '/beheer/academie/nieuw',
      templateForm({
        title: 'Veerkracht en stress',
        kind: 'track',
        audienceStaff: '1',
        session1Title: 'Wat is stress?',
        session1Programme: 'Kennismaking.',
        session2Title: '',
        session2Minutes: '',
        session3Title: 'Ontspannen',
        session3Minutes: '90',
      }),
      '/beheer/academie/nieuw',
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/beheer/academie/veerkracht-en-stress');
    const template = await bySlug('veerkracht-en-stress');
    expect(template).toMatchObject({
      kind: 'track',
      audiences: ['caregiver', 'staff'],
      status: 'active',
    });
    expect(
      (await sessionsOf('veerkracht-en-stress')).map((s) => [
        s.position,
        s.title,
        s.durationMinutes,
      ]),
    ).toEqual([
      [1, 'Wat is stress?', 120],
      [2, 'Ontspannen', 90],
    ]);
    // The edit form shows the two sessions and two empty rows to add more.
    const page = await admin.get('/beheer/academie/veerkracht-en-stress').expect(200);
    expect(page.text).toContain('value="Ontspannen"');
    expect(page.text).toContain('name="session4Title"');
    expect(page.text).not.toContain('name="session5Title"');
    expect((await admin.get('/beheer/academie').expect(200)).text).toContain(
      'Veerkracht en stress',
    );
  });

  it('edits the fields and the programme', async () => {
    const res = await submitForm(
      admin,
      '/beheer/academie/veerkracht-en-stress',
      templateForm({
        title: 'Veerkracht en stress voor mantelzorgers',
        slug: 'veerkracht-en-stress',
        kind: 'track',
        session1Title: 'Wat is stress?',
        session1Minutes: '60',
        session2Title: 'Ontspannen',
        session2Minutes: '90',
        session3Title: 'Hulp vragen',
        session3Minutes: '90',
      }),
    );
    expect(res.status).toBe(303);
    expect((await bySlug('veerkracht-en-stress'))!.title).toBe(
      'Veerkracht en stress voor mantelzorgers',
    );
    expect((await sessionsOf('veerkracht-en-stress')).map((s) => s.title)).toEqual([
      'Wat is stress?',
      'Ontspannen',
      'Hulp vragen',
    ]);
  });

  it.each([
    ['missing title', { title: '' }, 'title', 'Vul de titel van het sjabloon in'],
    [
      'no session',
      { session1Title: '', session1Minutes: '' },
      'session1Title',
      'Vul minstens één sessie in',
    ],
    [
      'a workshop with two sessions',
      { session2Title: 'Nog een', session2Minutes: '60' },
      'kind',
      'Een workshop heeft precies één sessie',
    ],
    [
      'a bad duration',
      { session1Minutes: 'twee uur' },
      'session1Minutes',
      'Vul de duur van sessie 1 in minuten in',
    ],
    ['no audience', { audienceCaregiver: '' }, 'audienceCaregiver', 'Kies minstens één doelgroep'],
    ['a reserved slug', { slug: 'sjablonen' }, 'slug', 'kan geen adres van een sjabloon zijn'],
  ])(
    'refuses %s with a Dutch message at the field, the input kept, nothing written',
    async (_name, over, field, message) => {
      const before = [await count(AcademyTemplate), await count(AcademyTemplateSession)];
      const body = templateForm({
        title: 'Een nieuw sjabloon',
        summary: 'Een samenvatting die blijft staan.',
        learningGoals: 'Regel een.\nRegel twee.',
        ...over,
      });
      if ((over as Record<string, string>).audienceCaregiver === '') delete body.audienceCaregiver;
      const res = await submitForm(admin, '/beheer/academie/nieuw', body);
      expect(res.status).toBe(400);
      expect(res.text).toContain(`href="#${field}"`);
      expect(res.text).toContain(message);
      expect(res.text).toContain('Een samenvatting die blijft staan.');
      // Multi-line text comes back as typed (no indentation added by the view).
      expect(res.text).toContain('>Regel een.\nRegel twee.</textarea>');
      expect([await count(AcademyTemplate), await count(AcademyTemplateSession)]).toEqual(before);
    },
  );

  it('refuses a slug that is taken', async () => {
    const res = await submitForm(
      admin,
      '/beheer/academie/nieuw',
      templateForm({ slug: 'veerkracht-en-stress' }),
    );
    expect(res.status).toBe(409);
    expect(res.text).toContain('Er is al een sjabloon met dit adres');
  });

  it('accepts a PDF material and sends it as a download', async () => {
    const res = await upload('veerkracht-en-stress', 'Hand-out sessie 1', {
      content: TINY_PDF,
      name: 'Hand-out "sessie" 1.pdf',
      type: 'application/pdf',
    });
    expect(res.status).toBe(303);
    const [material] = await db().getRepository(AcademyTemplateMaterial).find();
    expect(material).toMatchObject({
      title: 'Hand-out sessie 1',
      filename: 'Hand-out-sessie-1.pdf',
    });
    const file = await admin
      .get(`/beheer/academie/veerkracht-en-stress/materiaal/${material.id}`)
      .buffer(true)
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="Hand-out-sessie-1.pdf"',
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(file.body as Buffer, TINY_PDF)).toBe(0);
  });

  it.each([
    [
      'an SVG',
      {
        content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        name: 'logo.svg',
        type: 'image/svg+xml',
      },
      'Dit soort bestand kan niet',
    ],
    [
      'a text file named .pdf',
      { content: Buffer.from('Dit is geen PDF.'), name: 'brief.pdf', type: 'application/pdf' },
      'Dit soort bestand kan niet',
    ],
    ['no file', undefined, 'Kies een bestand'],
  ])('refuses %s with nothing stored', async (_name, file, message) => {
    const before = [await count(AcademyTemplateMaterial), await count(PlatformFile)];
    const res = await upload('veerkracht-en-stress', 'Iets', file);
    expect(res.status).toBe(400);
    expect(res.text).toContain(message);
    expect(res.text).toContain('value="Iets"');
    expect([await count(AcademyTemplateMaterial), await count(PlatformFile)]).toEqual(before);
  });

  it('shows active templates to a municipality, not archived ones, with the programme and materials', async () => {
    const list = await gentAdmin.get('/beheer/academie/sjablonen').expect(200);
    expect(list.text).toContain('Veerkracht en stress voor mantelzorgers');
    expect(list.text).toContain('3 sessies');
    const page = await gentAdmin.get('/beheer/academie/sjablonen/veerkracht-en-stress').expect(200);
    expect(page.text).toContain('Hulp vragen');
    expect(page.text).toContain('href="/beheer/academie/nieuw?sjabloon&#x3D;veerkracht-en-stress"');
    const [material] = await db().getRepository(AcademyTemplateMaterial).find();
    const file = await gentAdmin
      .get(`/beheer/academie/sjablonen/veerkracht-en-stress/materiaal/${material.id}`)
      .expect(200);
    expect(file.headers['content-disposition']).toContain('attachment');

    const archive = await submitForm(
      admin,
      '/beheer/academie/veerkracht-en-stress',
      {},
      '/beheer/academie/veerkracht-en-stress/archiveren',
    );
    expect(archive.status).toBe(303);
    expect((await bySlug('veerkracht-en-stress'))!.status).toBe('archived');
    expect((await admin.get('/beheer/academie').expect(200)).text).toContain('Gearchiveerd');
    expect((await gentAdmin.get('/beheer/academie/sjablonen').expect(200)).text).not.toContain(
      'Veerkracht',
    );
    await gentAdmin.get('/beheer/academie/sjablonen/veerkracht-en-stress').expect(404);
    await gentAdmin
      .get(`/beheer/academie/sjablonen/veerkracht-en-stress/materiaal/${material.id}`)
      .expect(404);

    await submitForm(
      admin,
      '/beheer/academie/veerkracht-en-stress',
      {},
      '/beheer/academie/veerkracht-en-stress/heractiveren',
    );
    expect((await bySlug('veerkracht-en-stress'))!.status).toBe('active');
    await gentAdmin.get('/beheer/academie/sjablonen/veerkracht-en-stress').expect(200);
  });

  it('deletes a material with its file', async () => {
    const [material] = await db().getRepository(AcademyTemplateMaterial).find();
    const files = await count(PlatformFile);
    const res = await submitForm(
      admin,
      '/beheer/academie/veerkracht-en-stress',
      {},
      `/beheer/academie/veerkracht-en-stress/materiaal/${material.id}/verwijderen`,
    );
    expect(res.status).toBe(303);
    expect(await count(AcademyTemplateMaterial)).toBe(0);
    expect(await count(PlatformFile)).toBe(files - 1);
  });

  it('keeps caregivers, anonymous visitors and the wrong host out', async () => {
    await caregiver.get('/beheer/academie/sjablonen').expect(403);
    const anonymous = await t.agent('gent').get('/beheer/academie/sjablonen');
    expect([302, 303]).toContain(anonymous.status);
    expect(anonymous.headers.location).toMatch(/^\/inloggen/);
    const platformAnonymous = await t.agent(null).get('/beheer/academie');
    expect([302, 303]).toContain(platformAnonymous.status);
    // The platform pages do not exist on a hub, the hub's pages not on the platform host.
    await gentAdmin.get('/_platform/beheer/academie').expect(404);
    await admin.get('/beheer/academie/sjablonen').expect(404);
    await admin.get('/beheer/academie/bestaat-niet').expect(404);
  });

  it('seeds the six demo templates once (run twice)', async () => {
    const client = new Client({ connectionString: t.db.appUrl });
    await client.connect();
    try {
      expect(await seedTemplates(client)).toBe(6);
      expect(await seedTemplates(client)).toBe(0);
    } finally {
      await client.end();
    }
    for (const [slug, sessions] of [
      ['zorgen-zonder-jezelf-te-vergeten', 3],
      ['tillen-en-verplaatsen', 1],
      ['omgaan-met-dementie', 2],
      ['signalen-van-overbelasting-herkennen', 1],
      ['een-mantelzorgbeleid-uitbouwen', 2],
      ['premies-en-ondersteuning-voor-mantelzorgers', 1],
    ] as const)
      expect([slug, (await sessionsOf(slug)).length]).toEqual([slug, sessions]);
  });
});
