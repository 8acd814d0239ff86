import sharp from 'sharp';
import { DataSource, type EntityManager } from 'typeorm';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { StoredFile } from '../src/files/entities/stored-file.entity';
import { PlatformFile } from '../src/files/entities/platform-file.entity';
import { t as text } from '../src/i18n/i18n';
import { GeneralArticle } from '../src/news/common/entities/general-article.entity';
import { LocalArticle } from '../src/news/common/entities/local-article.entity';
import { csrfIn, logIn, submitForm } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import {
  articleFixtures,
  articleForm,
  imageWithExif,
  uploadArticleImage,
} from './support/news-articles';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The news's articles: a hub's admins write local ones at /beheer/nieuws, platform admins the
 * general ones at the same path on the platform host. One form for both: every field checked
 * with a Dutch message at the field and the input kept, nothing written on a refusal; slugs in
 * the one namespace of /nieuws/<slug> (a general slug is every hub's); at most three pinned;
 * the preview through the one Markdown renderer; the image checked from its bytes and stripped
 * of its metadata, served while the article shows; delete with a confirmation. Another hub's
 * admin gets a 404, a caregiver a 403.
 */
type Agent = ReturnType<TestApp['agent']>;

const NEW = '/beheer/nieuws/artikels/nieuw';
const idFrom = (location: string) =>
  /\/beheer\/nieuws\/artikels\/([0-9a-f-]{36})$/.exec(location)![1];
const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('news articles', () => {
  const clock = new TestClock(ORDINARY_NOW);
  let t: TestApp;
  let gentId: TenantId;
  let ieperId: TenantId;
  let admin: TestMember;
  let gentAdmin: Agent;
  let ieperAdmin: Agent;
  let caregiver: Agent;
  let platform: Agent;

  const db = () => t.app.get(DataSource);
  const gent = <T>(work: (em: EntityManager) => Promise<T>) =>
    t.get(TenantTransaction).run(gentId, work);
  const localRow = (id: string) =>
    gent((em) => em.getRepository(LocalArticle).findOneBy({ tenantId: gentId, id }));
  const generalRow = (id: string) => db().getRepository(GeneralArticle).findOneBy({ id });
  const slugsOf = async (hub: string | null) =>
    (
      await db().query<{ slug: string }[]>(
        'select slug from news_slugs where hub_tenant_id is not distinct from $1 order by slug',
        [hub],
      )
    ).map((r) => r.slug);
  /** What a refused request must leave as it was: the hub's articles and files, every slug, every global file. */
  const snapshot = async () => ({
    local: await gent((em) => em.getRepository(LocalArticle).find({ order: { id: 'ASC' } })),
    general: await db()
      .getRepository(GeneralArticle)
      .find({ order: { id: 'ASC' } }),
    files: await gent((em) => em.getRepository(StoredFile).count()),
    platformFiles: await db().getRepository(PlatformFile).count(),
    slugs: await db().query<unknown[]>('select hub_tenant_id, slug from news_slugs order by 1, 2'),
  });

  beforeAll(async () => {
    t = await createTestApp({ worker: false, clock });
    const gentTenant = await createTenant(t, { slug: 'gent', name: 'Gent' });
    const ieperTenant = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gentTenant.id);
    ieperId = asTenantId(ieperTenant.id);
    admin = await createMember(t, { tenant: gentTenant, role: 'tenant_admin', displayName: 'Els' });
    gentAdmin = t.agent('gent');
    await logIn(gentAdmin, admin);
    ieperAdmin = t.agent('ieper');
    await logIn(ieperAdmin, await createMember(t, { tenant: ieperTenant, role: 'tenant_admin' }));
    caregiver = t.agent('gent');
    await logIn(caregiver, await createMember(t, { tenant: gentTenant, role: 'caregiver' }));
    platform = t.agent(null);
    await logIn(platform, await createMember(t, { platformAdmin: true }));
  });
  afterAll(() => t?.close());

  describe('local articles on a hub', () => {
    let id: string;
    let secondId: string;

    it('creates one as typed: the slug from the title, the author, listed with its status', async () => {
      const res = await submitForm(gentAdmin, NEW, articleForm());
      expect(res.status).toBe(303);
      id = idFrom(res.headers.location);
      const row = await localRow(id);
      expect(row).toMatchObject({
        slug: 'nieuw-seizoen-van-het-mantelzorgcafe',
        title: 'Nieuw seizoen van het mantelzorgcafé',
        summary: 'Vanaf september komen we weer elke eerste dinsdag samen.',
        status: 'published',
        pinned: false,
        authorMembershipId: admin.membership!.id,
        imageFileId: null,
      });
      expect(row!.body).toContain('- Koffie en taart\n- Een praatje');
      expect(row!.publishAt.toISOString()).toBe(ORDINARY_NOW.toISOString()); // empty date: now
      expect(await slugsOf(gentId)).toContain('nieuw-seizoen-van-het-mantelzorgcafe');
      const list = await gentAdmin.get('/beheer/nieuws').expect(200);
      expect(list.text).toContain('<h1>Nieuws van Gent</h1>');
      expect(list.text).toContain(`href="/beheer/nieuws/artikels/${id}"`);
      expect(list.text).toContain('Gepubliceerd');
      expect(list.text).toContain('href="/beheer/nieuws/feeds"');
      expect(list.text).toContain('href="/nieuws/nieuw-seizoen-van-het-mantelzorgcafe"');
      // the same title again: the next free address
      const again = await submitForm(gentAdmin, NEW, articleForm({ status: 'draft' }));
      secondId = idFrom(again.headers.location);
      expect((await localRow(secondId))!.slug).toBe('nieuw-seizoen-van-het-mantelzorgcafe-2');
    });

    it('edits it: a new slug is taken and the old one given back, in one go', async () => {
      const res = await submitForm(
        gentAdmin,
        `/beheer/nieuws/artikels/${id}`,
        articleForm({ title: 'Het café begint weer', slug: 'cafe-begint-weer' }),
      );
      expect(res.status).toBe(303);
      expect(await localRow(id)).toMatchObject({
        slug: 'cafe-begint-weer',
        title: 'Het café begint weer',
      });
      const slugs = await slugsOf(gentId);
      expect(slugs).toContain('cafe-begint-weer');
      expect(slugs).not.toContain('nieuw-seizoen-van-het-mantelzorgcafe');
      // the old address is free again
      const other = await submitForm(
        gentAdmin,
        NEW,
        articleForm({ slug: 'nieuw-seizoen-van-het-mantelzorgcafe', status: 'draft' }),
      );
      expect(other.status).toBe(303);
      // emptied slug with an unchanged title keeps the address it has (also `-2`)
      const second = await submitForm(
        gentAdmin,
        `/beheer/nieuws/artikels/${secondId}`,
        articleForm({ status: 'draft' }),
      );
      expect(second.status).toBe(303);
      expect((await localRow(secondId))!.slug).toBe('nieuw-seizoen-van-het-mantelzorgcafe-2');
    });

    it('a publish date in the future is that moment in Brussels: "Gepland" until then', async () => {
      const res = await submitForm(
        gentAdmin,
        NEW,
        articleForm({
          title: 'Infoavond respijtzorg',
          publishDate: '2027-10-30',
          publishTime: '19:30',
        }),
      );
      const row = await localRow(idFrom(res.headers.location));
      expect(row!.publishAt.toISOString()).toBe('2027-10-30T17:30:00.000Z'); // CEST: UTC+2
      const winter = await submitForm(
        gentAdmin,
        NEW,
        articleForm({ title: 'Kerstmarkt', publishDate: '2027-12-01', publishTime: '' }),
      );
      expect((await localRow(idFrom(winter.headers.location)))!.publishAt.toISOString()).toBe(
        '2027-11-30T23:00:00.000Z', // midnight, CET: UTC+1
      );
      const list = await gentAdmin.get('/beheer/nieuws').expect(200);
      expect(list.text).toMatch(/Infoavond respijtzorg[\s\S]*?Gepland/);
      expect(list.text).toContain('zaterdag 30 oktober 2027, 19.30 uur');
      // the edit form shows it as typed
      const page = await gentAdmin.get(`/beheer/nieuws/artikels/${row!.id}`).expect(200);
      expect(page.text).toContain('value="2027-10-30"');
      expect(page.text).toContain('value="19:30"');
    });

    it.each([
      ['title', { title: '' }, 'news.articles.error.title'],
      ['title', { title: 'x'.repeat(161) }, 'news.articles.error.titleTooLong'],
      ['slug', { slug: 'Met spaties' }, 'news.articles.error.slug'],
      ['slug', { slug: '-vooraan' }, 'news.articles.error.slug'],
      ['slug', { slug: 'rss' }, 'news.articles.error.slugReserved', { slug: 'rss' }],
      ['slug', { slug: 'pagina' }, 'news.articles.error.slugReserved', { slug: 'pagina' }],
      ['summary', { summary: '   ' }, 'news.articles.error.summary'],
      ['summary', { summary: 'z'.repeat(401) }, 'news.articles.error.summaryTooLong', { max: 400 }],
      ['body', { body: '' }, 'news.articles.error.body'],
      ['body', { body: 'b'.repeat(20_001) }, 'news.articles.error.bodyTooLong', { max: 20000 }],
      ['publishDate', { publishDate: '2027-02-30' }, 'news.articles.error.publishDate'],
      ['publishDate', { publishDate: 'morgen' }, 'news.articles.error.publishDate'],
      ['publishDate', { publishTime: '09:00' }, 'news.articles.error.publishTimeAlone'],
      [
        'publishTime',
        { publishDate: '2027-06-01', publishTime: '25:00' },
        'news.articles.error.publishTime',
      ],
      [
        'publishTime',
        { publishDate: '2027-03-28', publishTime: '02:30' },
        'news.articles.error.publishTimeGap',
      ],
      ['status', { status: 'gepubliceerd' }, 'news.articles.error.status'],
      ['pinned', { pinned: 'ja' }, 'news.articles.error.checkbox'],
    ] as const)(
      'refuses a bad %s (%#): the message at the field, the input kept, nothing written',
      async (field, over, key, ...params: Record<string, unknown>[]) => {
        const before = await snapshot();
        const fields = articleForm({ title: 'Een geldig bericht', ...over });
        const res = await submitForm(gentAdmin, NEW, fields);
        expect(res.status).toBe(400);
        const message = text(key, params[0]);
        expect(res.text).toContain(`<title>Fout: `);
        expect(res.text).toContain(`id="${field}-error"`);
        expect(res.text).toContain(escaped(message));
        expect(res.text).toContain(`href="#${field}"`);
        for (const name of ['title', 'slug', 'publishDate', 'publishTime'] as const)
          if (fields[name].trim().length >= 1 && fields[name].length < 200)
            expect(res.text).toContain(`value="${escaped(fields[name])}"`);
        expect(res.text).toContain(escaped(fields.summary.slice(0, 100)));
        expect(await snapshot()).toEqual(before);
      },
    );

    it('refuses a slug another article of the hub or a general article has; another hub may use it', async () => {
      const articles = articleFixtures(t);
      await articles.general({ title: 'Zorgbudget', slug: 'zorgbudget' });
      const before = await snapshot();
      for (const slug of ['cafe-begint-weer', 'zorgbudget']) {
        const res = await submitForm(gentAdmin, NEW, articleForm({ slug }));
        expect(res.status).toBe(400);
        expect(res.text).toContain(escaped(text('news.articles.error.slugTaken', { slug })));
        expect(res.text).toContain(`value="${slug}"`);
      }
      // and on the edit form
      const edit = await submitForm(
        gentAdmin,
        `/beheer/nieuws/artikels/${id}`,
        articleForm({ slug: 'zorgbudget' }),
      );
      expect(edit.status).toBe(400);
      expect(edit.text).toContain('id="slug-error"');
      expect(await snapshot()).toEqual(before);
      // Ieper has no article called so: its own address is free there
      const ieper = await submitForm(ieperAdmin, NEW, articleForm({ slug: 'cafe-begint-weer' }));
      expect(ieper.status).toBe(303);
    });

    it('refuses a fourth pinned article, naming the three; an archived one does not count', async () => {
      const articles = articleFixtures(t);
      const titles = ['Premie 2027', 'Café in september', 'Nieuwe openingsuren'];
      for (const title of titles) await articles.local(gentId, { title, pinned: true });
      await articles.local(gentId, { title: 'Oud en vastgezet', pinned: true, status: 'archived' });
      const before = await snapshot();
      const res = await submitForm(
        gentAdmin,
        NEW,
        articleForm({ title: 'Een vierde', pinned: '1' }),
      );
      expect(res.status).toBe(400);
      expect(res.text).toContain('id="pinned-error"');
      expect(res.text).toContain('Er staan al 3 berichten vast');
      for (const title of titles) expect(res.text).toContain(`&quot;${title}&quot;`);
      expect(res.text).toMatch(/id="pinned"[^>]*checked/); // kept as typed
      expect(await snapshot()).toEqual(before);
      // pinning an existing one is refused too; an archived pinned one may be saved
      const edit = await submitForm(
        gentAdmin,
        `/beheer/nieuws/artikels/${id}`,
        articleForm({ title: 'Het café begint weer', pinned: '1' }),
      );
      expect(edit.status).toBe(400);
      const archived = await submitForm(
        gentAdmin,
        `/beheer/nieuws/artikels/${id}`,
        articleForm({ title: 'Het café begint weer', pinned: '1', status: 'archived' }),
      );
      expect(archived.status).toBe(303);
      // a hub's pins are its own: the platform has three of its own to pin
      const general = await submitForm(
        platform,
        NEW,
        articleForm({ title: 'Algemeen vastgezet', pinned: '1' }),
      );
      expect(general.status).toBe(303);
      // unpinning makes room again
      const first = (await gent((em) =>
        em.getRepository(LocalArticle).findOneBy({ title: 'Premie 2027' }),
      ))!;
      await articles.service.update({ tenantId: gentId }, first.id, {
        title: first.title,
        slug: first.slug,
        summary: first.summary,
        body: first.body,
        publishAt: first.publishAt,
        status: 'published',
        pinned: false,
      });
      expect(
        (await submitForm(gentAdmin, NEW, articleForm({ title: 'Nu wel vast', pinned: '1' })))
          .status,
      ).toBe(303);
    });

    it('previews the body through the renderer, safely, above the form with every value kept, saving nothing', async () => {
      const before = await snapshot();
      const body = [
        '## Wat verandert er?',
        '',
        'De **premie** wordt *hoger*.',
        '',
        '<script>alert("x")</script>',
        '',
        '- [Vlaanderen](https://www.vlaanderen.be/mantelzorg)',
        '- [onze pagina](http://gent.localhost/nieuws)',
        '- [gevaarlijk](javascript:alert(1))',
      ].join('\n');
      const fields = articleForm({
        title: 'Premie <b>omhoog</b>',
        body,
        publishDate: '2027-06-01',
        actie: 'voorbeeld',
      });
      const res = await submitForm(gentAdmin, NEW, fields);
      expect(res.status).toBe(200);
      const preview =
        /<section class="card" aria-labelledby="voorbeeld">([\s\S]*?)<\/section>/.exec(
          res.text,
        )?.[1] ?? '';
      expect(preview).toContain('<h3>Wat verandert er?</h3>'); // "##" is an h3: the page has its h1 and h2
      expect(preview).toContain('<strong>premie</strong>');
      expect(preview).toContain('<em>hoger</em>');
      expect(preview).toContain('<p>&lt;script&gt;alert("x")&lt;/script&gt;</p>'); // shown as text
      expect(preview).not.toMatch(/<script/i);
      expect(preview).toContain(
        '<a href="https://www.vlaanderen.be/mantelzorg" rel="noopener">Vlaanderen</a>',
      );
      expect(preview).toContain('<a href="http://gent.localhost/nieuws">onze pagina</a>');
      expect(preview).not.toMatch(/href="javascript/);
      expect(preview).toContain('<li>[gevaarlijk](javascript:alert(1))</li>'); // no link, only its text
      // the form as typed, with a fresh token for the same session
      expect(res.text).toContain('value="Premie &lt;b&gt;omhoog&lt;/b&gt;"');
      expect(res.text).toContain('value="2027-06-01"');
      expect(res.text).toContain(escaped(body));
      expect(res.text).not.toContain('<b>omhoog</b>');
      expect(csrfIn(res.text)).toBeTruthy();
      expect(res.text).not.toContain('class="error-summary"');
      // a preview on the edit form changes nothing either
      const edit = await submitForm(gentAdmin, `/beheer/nieuws/artikels/${id}`, {
        ...articleForm({ title: 'Andere titel', body: '*nieuw*' }),
        actie: 'voorbeeld',
      });
      expect(edit.status).toBe(200);
      expect(edit.text).toContain('<em>nieuw</em>');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('the image', () => {
    let id: string;
    let draftId: string;

    beforeAll(async () => {
      const articles = articleFixtures(t);
      id = (await articles.local(gentId, { title: 'Met een foto' })).id;
      draftId = (await articles.local(gentId, { title: 'Een klad met foto', status: 'draft' })).id;
    });

    it('needs a description, then stores the photo as a JPEG without its metadata and serves it', async () => {
      const png = await imageWithExif('png');
      const before = await snapshot();
      const noAlt = await uploadArticleImage(gentAdmin, id, {
        file: { content: png, name: 'foto.png', type: 'image/png' },
      });
      expect(noAlt.status).toBe(400);
      expect(noAlt.text).toContain('id="imageAlt-error"');
      expect(noAlt.text).toContain(escaped(text('news.articles.image.error.altMissing')));
      expect(await snapshot()).toEqual(before);

      const res = await uploadArticleImage(gentAdmin, id, {
        alt: '  Vrijwilligers   schenken koffie ',
        file: { content: png, name: 'foto.png', type: 'image/png' },
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/beheer/nieuws/artikels/${id}#afbeelding`);
      const row = (await localRow(id))!;
      expect(row.imageAlt).toBe('Vrijwilligers schenken koffie');
      expect(row.imageFileId).toBeTruthy();

      const image = await t.agent('gent').get(`/nieuws/beeld/${id}`).buffer(true).expect(200);
      expect(image.headers['content-type']).toBe('image/jpeg');
      expect(image.headers['cache-control']).toBe('public, max-age=300');
      expect(image.headers['x-content-type-options']).toBe('nosniff');
      const meta = await sharp(image.body as Buffer).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect((image.body as Buffer).includes(Buffer.from('Fotograaf Geheim'))).toBe(false);
      const page = await gentAdmin.get(`/beheer/nieuws/artikels/${id}`).expect(200);
      expect(page.text).toContain(
        `src="/nieuws/beeld/${id}?v=${row.imageFileId}" alt="Vrijwilligers schenken koffie"`,
      );

      // only the description, without a new file; the file stays
      const alt = await uploadArticleImage(gentAdmin, id, { alt: 'Koffie en taart' });
      expect(alt.status).toBe(303);
      expect(await localRow(id)).toMatchObject({
        imageAlt: 'Koffie en taart',
        imageFileId: row.imageFileId,
      });
    });

    it('refuses an SVG and a text file named .png, with the message at the field; nothing stored', async () => {
      const before = await snapshot();
      const svg = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
      );
      for (const file of [
        { content: svg, name: 'logo.svg', type: 'image/svg+xml' },
        { content: svg, name: 'foto.png', type: 'image/png' },
        { content: Buffer.from('gewoon tekst, geen foto'), name: 'foto.png', type: 'image/png' },
      ]) {
        const res = await uploadArticleImage(gentAdmin, draftId, { alt: 'Een foto', file });
        expect(res.status).toBe(400);
        expect(res.text).toContain('id="image-error"');
        expect(res.text).toContain(escaped(text('news.articles.image.error.wrongType')));
        expect(res.text).toContain('value="Een foto"');
      }
      const none = await uploadArticleImage(gentAdmin, draftId, { alt: 'Een foto' });
      expect(none.status).toBe(400);
      expect(none.text).toContain(escaped(text('news.articles.image.error.missing')));
      expect(await snapshot()).toEqual(before);
    });

    it("a draft's image is its admins' only; another hub's is nobody's", async () => {
      const upload = await uploadArticleImage(gentAdmin, draftId, {
        alt: 'Een bank in de tuin',
        file: {
          content: await imageWithExif('jpeg', 40, 30),
          name: 'tuin.jpg',
          type: 'image/jpeg',
        },
      });
      expect(upload.status).toBe(303);
      await t.agent('gent').get(`/nieuws/beeld/${draftId}`).expect(404);
      await caregiver.get(`/nieuws/beeld/${draftId}`).expect(404);
      const own = await gentAdmin.get(`/nieuws/beeld/${draftId}`).expect(200);
      expect(own.headers['cache-control']).toBe('private, no-store');
      await ieperAdmin.get(`/nieuws/beeld/${id}`).expect(404);
      await t.agent('ieper').get(`/nieuws/beeld/${id}`).expect(404);
      await t.agent('gent').get('/nieuws/beeld/geen-id').expect(404);
    });

    it('removes the image and its file', async () => {
      const fileId = (await localRow(id))!.imageFileId!;
      const token = csrfIn((await gentAdmin.get(`/beheer/nieuws/artikels/${id}`).expect(200)).text);
      await gentAdmin
        .post(`/beheer/nieuws/artikels/${id}/beeld/verwijderen`)
        .type('form')
        .send({ _csrf: token })
        .expect(303);
      expect(await localRow(id)).toMatchObject({ imageFileId: null, imageAlt: null });
      expect(
        await gent((em) =>
          em.getRepository(StoredFile).findOneBy({ tenantId: gentId, id: fileId }),
        ),
      ).toBeNull();
      await t.agent('gent').get(`/nieuws/beeld/${id}`).expect(404);
    });

    it('deletes an article after a confirmation page: its slug is free again and its image gone', async () => {
      const fileId = (await localRow(draftId))!.imageFileId!;
      const slug = (await localRow(draftId))!.slug;
      const confirm = await gentAdmin
        .get(`/beheer/nieuws/artikels/${draftId}/verwijderen`)
        .expect(200);
      expect(confirm.text).toContain('Ja, verwijder dit bericht');
      const res = await gentAdmin
        .post(`/beheer/nieuws/artikels/${draftId}/verwijderen`)
        .type('form')
        .send({ _csrf: csrfIn(confirm.text) });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/beheer/nieuws');
      expect(await localRow(draftId)).toBeNull();
      expect(await slugsOf(gentId)).not.toContain(slug);
      expect(
        await gent((em) =>
          em.getRepository(StoredFile).findOneBy({ tenantId: gentId, id: fileId }),
        ),
      ).toBeNull();
      await gentAdmin.get(`/beheer/nieuws/artikels/${draftId}`).expect(404);
    });
  });

  describe('general articles on the platform host', () => {
    let id: string;

    it('creates, edits, illustrates and deletes one, with the same form and checks', async () => {
      const res = await submitForm(
        platform,
        NEW,
        articleForm({ title: 'De Vlaamse zorgverzekering in 2027', slug: 'zorgverzekering-2027' }),
      );
      expect(res.status).toBe(303);
      id = idFrom(res.headers.location);
      expect(await generalRow(id)).toMatchObject({
        slug: 'zorgverzekering-2027',
        status: 'published',
      });
      expect(await slugsOf(null)).toContain('zorgverzekering-2027');
      const list = await platform.get('/beheer/nieuws').expect(200);
      expect(list.text).toContain('<h1>Algemeen nieuws</h1>');
      expect(list.text).toContain('De Vlaamse zorgverzekering in 2027');

      // bad input: the same messages
      const bad = await submitForm(
        platform,
        `/beheer/nieuws/artikels/${id}`,
        articleForm({ title: '', slug: 'beeld' }),
      );
      expect(bad.status).toBe(400);
      expect(bad.text).toContain(escaped(text('news.articles.error.title')));
      expect(bad.text).toContain(
        escaped(text('news.articles.error.slugReserved', { slug: 'beeld' })),
      );

      // the preview links elsewhere with rel="noopener" (a general article shows on every hub)
      const preview = await submitForm(platform, NEW, {
        ...articleForm({ body: '[Zorg en Gezondheid](https://www.zorg-en-gezondheid.be)' }),
        actie: 'voorbeeld',
      });
      expect(preview.text).toContain('<a href="https://www.zorg-en-gezondheid.be" rel="noopener">');

      const upload = await uploadArticleImage(platform, id, {
        alt: 'Een mantelzorger met een formulier',
        file: { content: await imageWithExif('png'), name: 'formulier.png', type: 'image/png' },
      });
      expect(upload.status).toBe(303);
      const row = (await generalRow(id))!;
      const file = await db().getRepository(PlatformFile).findOneBy({ id: row.imageFileId! });
      expect(file?.contentType).toBe('image/jpeg');
      // on every hub while it shows; on the platform for its admins
      for (const hub of ['gent', 'ieper']) {
        const image = await t
          .agent(hub)
          .get(`/nieuws/beeld/algemeen/${id}`)
          .buffer(true)
          .expect(200);
        expect(image.headers['content-type']).toBe('image/jpeg');
        expect((await sharp(image.body as Buffer).metadata()).exif).toBeUndefined();
      }
      await platform.get(`/beheer/nieuws/artikels/${id}/beeld`).expect(200);
      await t.agent(null).get(`/beheer/nieuws/artikels/${id}/beeld`).expect(303); // log in first
      // a local article's id is no general article
      const local = await articleFixtures(t).local(gentId, { title: 'Alleen in Gent' });
      await t.agent('gent').get(`/nieuws/beeld/algemeen/${local.id}`).expect(404);
      await platform.get(`/beheer/nieuws/artikels/${local.id}`).expect(404);

      // a general article's slug is every hub's: a hub cannot take it, nor it a hub's
      const taken = await submitForm(gentAdmin, NEW, articleForm({ slug: 'zorgverzekering-2027' }));
      expect(taken.status).toBe(400);
      expect(taken.text).toContain(
        escaped(text('news.articles.error.slugTaken', { slug: 'zorgverzekering-2027' })),
      );
      const hubs = await submitForm(platform, NEW, articleForm({ slug: local.slug }));
      expect(hubs.status).toBe(400);
      expect(hubs.text).toContain(
        escaped(text('news.articles.error.slugTakenGeneral', { slug: local.slug })),
      );

      // a draft's image shows on no hub
      await submitForm(
        platform,
        `/beheer/nieuws/artikels/${id}`,
        articleForm({
          title: 'De Vlaamse zorgverzekering in 2027',
          slug: 'zorgverzekering-2027',
          status: 'draft',
        }),
      ).then((r) => expect(r.status).toBe(303));
      await t.agent('gent').get(`/nieuws/beeld/algemeen/${id}`).expect(404);

      const confirm = await platform.get(`/beheer/nieuws/artikels/${id}/verwijderen`).expect(200);
      await platform
        .post(`/beheer/nieuws/artikels/${id}/verwijderen`)
        .type('form')
        .send({ _csrf: csrfIn(confirm.text) })
        .expect(303);
      expect(await generalRow(id)).toBeNull();
      expect(await db().getRepository(PlatformFile).findOneBy({ id: row.imageFileId! })).toBeNull();
      expect(await slugsOf(null)).not.toContain('zorgverzekering-2027');
    });
  });

  describe('who may', () => {
    it("another hub's admin gets a 404 on every route of this hub's article, and nothing changes", async () => {
      const article = await articleFixtures(t).local(gentId, { title: 'Alleen voor Gent' });
      const before = await snapshot();
      const token = csrfIn((await ieperAdmin.get(NEW).expect(200)).text);
      const base = `/beheer/nieuws/artikels/${article.id}`;
      for (const path of [base, `${base}/verwijderen`]) await ieperAdmin.get(path).expect(404);
      for (const path of [base, `${base}/beeld/verwijderen`, `${base}/verwijderen`])
        await ieperAdmin
          .post(path)
          .type('form')
          .send({ ...articleForm(), _csrf: token })
          .expect(404);
      await ieperAdmin.post(`${base}/beeld?_csrf=${token}`).field('imageAlt', 'x').expect(404);
      expect(await snapshot()).toEqual(before);
      expect((await ieperAdmin.get('/beheer/nieuws').expect(200)).text).not.toContain(
        'Alleen voor Gent',
      );
      // Ieper's own list is its own
      expect(
        await t.get(TenantTransaction).run(ieperId, (em) => em.getRepository(LocalArticle).count()),
      ).toBe(1);
    });

    it('caregivers get a 403, anonymous visitors the login page, hub admins nothing on the platform', async () => {
      for (const path of ['/beheer/nieuws', NEW]) {
        await caregiver.get(path).expect(403);
        const anonymous = await t.agent('gent').get(path).expect(303);
        expect(anonymous.headers.location).toBe(`/inloggen?terug=${encodeURIComponent(path)}`);
        await t.agent(null).get(path).expect(303);
      }
      const token = csrfIn((await caregiver.get('/uitloggen').expect(200)).text);
      await caregiver
        .post(NEW)
        .type('form')
        .send({ ...articleForm(), _csrf: token })
        .expect(403);
      // a hub admin signed in on the platform host is no platform admin
      const hubAdminOnPlatform = t.agent(null);
      await logIn(hubAdminOnPlatform, admin);
      await hubAdminOnPlatform.get('/beheer/nieuws').expect(403);
    });
  });

  describe("the admins' list", () => {
    it('shows 50 articles a page, pinned first, with the pinned count of every page', async () => {
      // A hub of its own: the other tests' articles stay out of the count.
      const tenant = await createTenant(t, { slug: 'veurne', name: 'Veurne' });
      const veurneId = asTenantId(tenant.id);
      const veurne = t.agent('veurne');
      await logIn(veurne, await createMember(t, { tenant, role: 'tenant_admin' }));
      await t.get(TenantTransaction).run(veurneId, (em) =>
        em.getRepository(LocalArticle).insert(
          Array.from({ length: 55 }, (_, i) => ({
            tenantId: veurneId,
            slug: `bericht-${i + 1}`,
            title: `Bericht ${String(i + 1).padStart(2, '0')}`,
            publishAt: new Date(ORDINARY_NOW.getTime() - (i + 1) * 3_600_000),
            status: i === 54 ? ('archived' as const) : ('published' as const),
            // the oldest two are pinned (one archived: it does not count)
            pinned: i >= 53,
          })),
        ),
      );
      // Handlebars writes `=` in attributes as &#x3D;: read the links as a browser does.
      const page = async (path: string) =>
        (await veurne.get(path).expect(200)).text.replace(/&#x3D;/g, '=');
      const first = await page('/beheer/nieuws');
      const titles = (html: string) => [...html.matchAll(/>(Bericht \d\d)<\/a>/g)].map((m) => m[1]);
      expect(titles(first)).toHaveLength(50);
      expect(titles(first).slice(0, 3)).toEqual(['Bericht 54', 'Bericht 55', 'Bericht 01']);
      expect(first).toContain(text('news.articles.list.pinnedCount', { n: 1, max: 3 }));
      expect(first).toContain('Pagina 1 van 2');
      expect(first).toContain('href="/beheer/nieuws?pagina=2" rel="next"');
      const second = await page('/beheer/nieuws?pagina=2');
      expect(titles(second)).toEqual([
        'Bericht 49',
        'Bericht 50',
        'Bericht 51',
        'Bericht 52',
        'Bericht 53',
      ]);
      expect(second).toContain('href="/beheer/nieuws" rel="prev"');
      expect(second).toContain(text('news.articles.list.pinnedCount', { n: 1, max: 3 }));
      // past the last page: the last page; junk: the first
      expect(titles(await page('/beheer/nieuws?pagina=99'))).toEqual(titles(second));
      expect(titles(await page('/beheer/nieuws?pagina=-1'))).toEqual(titles(first));
    });
  });
});
