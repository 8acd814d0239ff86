import { DataSource, type EntityManager } from 'typeorm';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { CaregiverPremium } from '../src/guide/common/entities/caregiver-premium.entity';
import { GeneralGuidePage } from '../src/guide/common/entities/general-guide-page.entity';
import { GuideLocalPart } from '../src/guide/common/entities/guide-local-part.entity';
import { LocalGuidePage } from '../src/guide/common/entities/local-guide-page.entity';
import { GuideLocalService } from '../src/guide/pages/guide-local.service';
import { GENERAL_GUIDE } from '../src/guide/pages/guide-page-scope';
import { GuidePagesService } from '../src/guide/pages/guide-pages.service';
import { OrganisationsService } from '../src/guide/organisations/organisations.service';
import { organisationForm } from './support/features/guide/organisations';
import { t as text } from '../src/i18n/i18n';
import { logIn, submitForm } from './support/csrf';
import { createMember, createTenant } from './support/factories';
import { guideFixtures, guidePageForm, postPairs } from './support/guide-pages';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The Wegwijzer's information guide: general pages written once on the platform host for every
 * hub, a hub's local part under any of them (never shown on another hub), a hub's own pages, the
 * hub's mantelzorgpremie entered once and shown under the premium's page, review dates flagged to
 * the editors, related pages. One form for both kinds of page: every field checked with a Dutch
 * message at the field and the input kept, nothing written on a refusal.
 */
type Agent = ReturnType<TestApp['agent']>;

const NEW = '/beheer/wegwijzer/paginas/nieuw';
const idFrom = (location: string) =>
  /\/beheer\/wegwijzer\/paginas\/([0-9a-f-]{36})$/.exec(location)![1];
const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('guide pages', () => {
  const clock = new TestClock(ORDINARY_NOW); // 2027-05-12 in Brussels
  let t: TestApp;
  let gentId: TenantId;
  let ieperId: TenantId;
  let gentAdmin: Agent;
  let ieperAdmin: Agent;
  let caregiver: Agent;
  let platform: Agent;
  let anonymousGent: Agent;
  let anonymousIeper: Agent;

  const db = () => t.app.get(DataSource);
  const inHub = <T>(tenantId: TenantId, work: (em: EntityManager) => Promise<T>) =>
    t.get(TenantTransaction).run(tenantId, work);
  /** Every guide row, to prove a refused request wrote nothing. */
  const snapshot = async () => ({
    general: await db()
      .getRepository(GeneralGuidePage)
      .find({ order: { id: 'ASC' } }),
    gent: await inHub(gentId, async (em) => ({
      pages: await em.getRepository(LocalGuidePage).find({ order: { id: 'ASC' } }),
      parts: await em.getRepository(GuideLocalPart).find({ order: { id: 'ASC' } }),
      premium: await em.getRepository(CaregiverPremium).find(),
    })),
  });

  beforeAll(async () => {
    t = await createTestApp({ worker: false, clock });
    const gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    const ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    ieperId = asTenantId(ieper.id);
    gentAdmin = t.agent('gent');
    await logIn(gentAdmin, await createMember(t, { tenant: gent, role: 'tenant_admin' }));
    ieperAdmin = t.agent('ieper');
    await logIn(ieperAdmin, await createMember(t, { tenant: ieper, role: 'tenant_admin' }));
    caregiver = t.agent('gent');
    await logIn(caregiver, await createMember(t, { tenant: gent, role: 'caregiver' }));
    platform = t.agent(null);
    await logIn(platform, await createMember(t, { platformAdmin: true }));
    anonymousGent = t.agent('gent');
    anonymousIeper = t.agent('ieper');
  });
  afterAll(() => t?.close());

  describe('general pages on the platform host', () => {
    let id: string;

    it('creates one as typed, the address from the question, listed with its review date', async () => {
      const res = await submitForm(platform, NEW, guidePageForm());
      expect(res.status).toBe(303);
      id = idFrom(res.headers.location);
      const row = await db().getRepository(GeneralGuidePage).findOneBy({ id });
      expect(row).toMatchObject({
        slug: 'wat-is-kortverblijf',
        theme: 'respijtzorg-en-opvang',
        status: 'published',
        reviewedOn: '2026-11-02',
        reviewDueOn: '2028-05-01',
        relatedSlugs: [],
        showsPremium: false,
      });
      expect(row!.body).toContain('- Per keer hoogstens 30 dagen\n- Vraag');
      const list = await platform.get('/beheer/wegwijzer').expect(200);
      expect(list.text).toContain(`href="/beheer/wegwijzer/paginas/${id}"`);
      expect(list.text).toContain('Nakijken tegen 1 mei 2028');
      // the same question again: the next free address
      const again = await submitForm(platform, NEW, guidePageForm({ status: 'draft' }));
      const second = await db()
        .getRepository(GeneralGuidePage)
        .findOneBy({ id: idFrom(again.headers.location) });
      expect(second!.slug).toBe('wat-is-kortverblijf-2');
    });

    it.each([
      ['title', { title: 'ab' }, 'guide.pages.error.title'],
      ['title', { title: 'x'.repeat(201) }, 'guide.pages.error.titleTooLong', { max: 200 }],
      ['slug', { slug: 'Met spaties' }, 'guide.pages.error.slug'],
      ['slug', { slug: 'thema' }, 'guide.pages.error.slugReserved', { slug: 'thema' }],
      [
        'slug',
        { slug: 'wat-is-kortverblijf' },
        'guide.pages.error.slugTaken',
        { slug: 'wat-is-kortverblijf' },
      ],
      ['theme', { theme: 'geld' }, 'guide.pages.error.theme'],
      ['answer', { answer: '  ' }, 'guide.pages.error.answer'],
      ['answer', { answer: 'a'.repeat(301) }, 'guide.pages.error.answerTooLong', { max: 300 }],
      ['body', { body: '' }, 'guide.pages.error.body'],
      ['reviewedOn', { reviewedOn: '2027-02-30' }, 'guide.pages.error.reviewedOn'],
      ['reviewedOn', { reviewedOn: '2027-05-13' }, 'guide.pages.error.reviewedFuture'],
      ['reviewDueOn', { reviewDueOn: 'volgend jaar' }, 'guide.pages.error.reviewDueOn'],
      ['reviewDueOn', { reviewDueOn: '2026-11-02' }, 'guide.pages.error.reviewDueBefore'],
      ['status', { status: 'klaar' }, 'guide.pages.error.status'],
      ['showsPremium', { showsPremium: 'ja' }, 'guide.pages.error.checkbox'],
    ] as const)(
      'refuses a bad %s (%#): the message at the field, the input kept, nothing written',
      async (field, over, key, ...params: Record<string, unknown>[]) => {
        const before = await snapshot();
        const fields = guidePageForm({ title: 'Wat is een dagcentrum?', ...over });
        const res = await submitForm(platform, NEW, fields);
        expect(res.status).toBe(400);
        expect(res.text).toContain('<title>Fout: ');
        expect(res.text).toContain(`id="${field}-error"`);
        expect(res.text).toContain(escaped(text(key, params[0])));
        expect(res.text).toContain(`href="#${field}"`);
        if (field !== 'title') expect(res.text).toContain('value="Wat is een dagcentrum?"');
        expect(res.text).toContain(escaped(fields.answer.slice(0, 50)));
        expect(await snapshot()).toEqual(before);
      },
    );

    it('keeps related pages that exist (ticked again when refused) and refuses unknown ones or too many', async () => {
      const fixtures = guideFixtures(t);
      await fixtures.general({ title: 'Wat is dagopvang?', slug: 'dagopvang' });
      await fixtures.general({ title: 'Wat is oppas aan huis?', slug: 'oppas' });
      const form = Object.entries(guidePageForm({ title: 'Even op adem komen' }));
      const ok = await postPairs(platform, NEW, [
        ...form,
        ['related[]', 'oppas'],
        ['related[]', 'dagopvang'],
      ]);
      expect(ok.status).toBe(303);
      const saved = await db()
        .getRepository(GeneralGuidePage)
        .findOneBy({ id: idFrom(ok.headers.location) });
      expect(saved!.relatedSlugs).toEqual(['oppas', 'dagopvang']);
      const edit = await platform.get(`/beheer/wegwijzer/paginas/${saved!.id}`).expect(200);
      expect(edit.text).toMatch(/value="oppas" checked/);
      expect(edit.text).not.toContain('name="related[]" value="even-op-adem-komen"'); // not itself

      const before = await snapshot();
      const unknown = await postPairs(platform, NEW, [
        ...Object.entries(guidePageForm({ title: 'Nog een vraag' })),
        ['related[]', 'dagopvang'],
        ['related[]', 'bestaat-niet'],
      ]);
      expect(unknown.status).toBe(400);
      expect(unknown.text).toContain(
        escaped(text('guide.pages.error.relatedUnknown', { slugs: 'bestaat-niet' })),
      );
      expect(unknown.text).toMatch(/value="dagopvang" checked/);
      const many = await postPairs(platform, NEW, [
        ...Object.entries(guidePageForm({ title: 'Nog een vraag' })),
        ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].map((s): [string, string] => [
          'related[]',
          s,
        ]),
      ]);
      expect(many.status).toBe(400);
      expect(many.text).toContain(escaped(text('guide.pages.error.relatedTooMany', { max: 6 })));
      expect(await snapshot()).toEqual(before);
    });

    it('previews the explanation through the one renderer, safely, saving nothing', async () => {
      const before = await snapshot();
      const res = await submitForm(
        platform,
        NEW,
        guidePageForm({
          body: '## Kosten\n\n**Gratis** <script>alert(1)</script> [info](https://www.vlaanderen.be/)',
          actie: 'voorbeeld',
        }),
      );
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h2 id="voorbeeld">');
      expect(res.text).toContain('<strong>Gratis</strong>');
      expect(res.text).toContain('rel="noopener"');
      expect(res.text).not.toContain('<script>alert(1)');
      expect(await snapshot()).toEqual(before);
    });

    it('flags a page whose review date has passed, first in the list, with the count', async () => {
      await guideFixtures(t).general({
        title: 'Hoeveel is het zorgbudget?',
        slug: 'zorgbudget',
        reviewedOn: '2025-01-10',
        reviewDueOn: '2027-05-11',
      });
      const list = await platform.get('/beheer/wegwijzer').expect(200);
      expect(list.text).toContain(escaped(text('guide.admin.list.reviewDueOne')));
      expect(list.text).toContain('Nakijken sinds 11 mei 2027');
      expect(list.text.indexOf('Hoeveel is het zorgbudget?')).toBeLessThan(
        list.text.indexOf('Wat is dagopvang?'),
      );
      // the day of the date itself is not past it yet
      clock.set(new Date('2027-05-10T10:00:00Z'));
      try {
        const before = await platform.get('/beheer/wegwijzer').expect(200);
        expect(before.text).not.toContain('Nakijken sinds');
      } finally {
        clock.set(ORDINARY_NOW);
      }
    });

    it('hub admins and caregivers do not reach it; the platform has no reading pages', async () => {
      await gentAdmin.get(`/beheer/wegwijzer/paginas/${id}`).expect(404); // a general id is no hub page
      await caregiver.get('/beheer/wegwijzer').expect(403);
      await platform.get('/wegwijzer').expect(404);
    });
  });

  describe('on the hubs', () => {
    let premiumPageId: string;

    beforeAll(async () => {
      // a related page that is deleted later: skipped where it was named
      const gone = await guideFixtures(t).general({
        title: 'Een vraag die verdwijnt',
        slug: 'verdwijnt',
      });
      const page = await guideFixtures(t).general({
        title: 'Krijg ik een mantelzorgpremie van mijn gemeente?',
        slug: 'mantelzorgpremie',
        theme: 'geld-en-premies',
        showsPremium: true,
        relatedSlugs: ['zorgbudget', 'verdwijnt'],
      });
      premiumPageId = page.id;
      await t.get(GuidePagesService).remove(GENERAL_GUIDE, gone.id);
    });

    it("shows a general page on every hub, with a hub's local part only on that hub", async () => {
      const form = `/beheer/wegwijzer/aanvulling/${premiumPageId}`;
      const page = await gentAdmin.get(form).expect(200);
      expect(page.text).toContain('Krijg ik een mantelzorgpremie van mijn gemeente?');
      const saved = await submitForm(gentAdmin, form, {
        body: 'Vraag de premie aan in het **Sociaal Huis Gent**, Woodrow Wilsonplein 1.',
        actie: 'bewaren',
      });
      expect(saved.status).toBe(303);
      const gent = await anonymousGent.get('/wegwijzer/mantelzorgpremie').expect(200);
      expect(gent.text).toContain('<h2 id="lokaal">In Gent</h2>');
      expect(gent.text).toContain('<strong>Sociaal Huis Gent</strong>');
      const ieper = await anonymousIeper.get('/wegwijzer/mantelzorgpremie').expect(200);
      expect(ieper.text).toContain('<h1>Krijg ik een mantelzorgpremie van mijn gemeente?</h1>');
      expect(ieper.text).not.toContain('Sociaal Huis Gent');
      expect(ieper.text).not.toContain('id="lokaal"');
      // the list shows which pages have a part
      const list = await gentAdmin.get('/beheer/wegwijzer').expect(200);
      expect(list.text).toMatch(new RegExp(`href="${form}">Aanvulling aanpassen`));
      const ieperList = await ieperAdmin.get('/beheer/wegwijzer').expect(200);
      expect(ieperList.text).toMatch(new RegExp(`href="${form}">Aanvulling schrijven`));
    });

    it('names organisations of the hub’s directory under the local part; another hub’s are refused', async () => {
      const organisations = t.get(OrganisationsService);
      const made = async (tenantId: TenantId, name: string) => {
        const saved = await organisations.create(tenantId, organisationForm({ name }));
        if (!saved.ok) throw new Error(saved.reason);
        return saved.organisation.id;
      };
      const sociaalHuis = await made(gentId, 'Sociaal Huis Gent');
      const ieperOrg = await made(ieperId, 'Sociaal Huis Ieper');
      const form = `/beheer/wegwijzer/aanvulling/${premiumPageId}`;
      const page = await gentAdmin.get(form).expect(200);
      expect(page.text).toContain(`value="${sociaalHuis}"`);
      expect(page.text).not.toContain(ieperOrg);
      const before = await snapshot();
      const refused = await postPairs(gentAdmin, form, [
        ['body', 'Bel ons.'],
        ['actie', 'bewaren'],
        ['organisations[]', ieperOrg],
      ]);
      expect(refused.status).toBe(400);
      expect(refused.text).toContain(escaped(text('guide.local.error.organisations')));
      expect(await snapshot()).toEqual(before);
      const saved = await postPairs(gentAdmin, form, [
        ['body', 'Vraag de premie aan in het **Sociaal Huis Gent**, Woodrow Wilsonplein 1.'],
        ['actie', 'bewaren'],
        ['organisations[]', sociaalHuis],
      ]);
      expect(saved.status).toBe(303);
      const shown = await anonymousGent.get('/wegwijzer/mantelzorgpremie').expect(200);
      expect(shown.text).toContain(
        `<a href="/hulp-in-de-buurt/${sociaalHuis}">Sociaal Huis Gent</a>`,
      );
      expect(shown.text).toContain('href="tel:057334455"');
      expect((await gentAdmin.get(form).expect(200)).text).toContain(
        `value="${sociaalHuis}" checked`,
      );
      // removing the organisation from the directory removes it here too
      await organisations.remove(gentId, sociaalHuis);
      expect(
        (await anonymousGent.get('/wegwijzer/mantelzorgpremie').expect(200)).text,
      ).not.toContain(sociaalHuis);
    });

    it('previews a local part, refuses one too long, and removes it when emptied', async () => {
      const form = `/beheer/wegwijzer/aanvulling/${premiumPageId}`;
      const preview = await submitForm(gentAdmin, form, {
        body: 'Bel **ons**.',
        actie: 'voorbeeld',
      });
      expect(preview.status).toBe(200);
      expect(preview.text).toContain('<strong>ons</strong>');
      const before = await snapshot();
      const long = await submitForm(gentAdmin, form, {
        body: 'x'.repeat(10_001),
        actie: 'bewaren',
      });
      expect(long.status).toBe(400);
      expect(long.text).toContain(escaped(text('guide.local.error.bodyTooLong', { max: 10_000 })));
      expect(await snapshot()).toEqual(before);
      await gentAdmin
        .get('/beheer/wegwijzer/aanvulling/00000000-0000-4000-8000-000000000000')
        .expect(404);
      await caregiver.get(form).expect(403);

      await submitForm(gentAdmin, form, { body: '', actie: 'bewaren' }).then((r) =>
        expect(r.status).toBe(303),
      );
      expect(
        await inHub(gentId, (em) => em.getRepository(GuideLocalPart).countBy({ tenantId: gentId })),
      ).toBe(0);
      const page = await anonymousGent.get('/wegwijzer/mantelzorgpremie').expect(200);
      expect(page.text).not.toContain('id="lokaal"');
      await submitForm(gentAdmin, form, { body: 'Weer terug.', actie: 'bewaren' });
    });

    it("shows the hub's premium under the premium's page: entered once, per hub", async () => {
      // not filled in yet: where to ask
      const before = await anonymousGent.get('/wegwijzer/mantelzorgpremie').expect(200);
      expect(before.text).toContain(escaped(text('guide.read.premium.unknown', { hub: 'Gent' })));
      const saved = await submitForm(gentAdmin, '/beheer/wegwijzer/premie', {
        offered: 'ja',
        amount: '25',
        period: 'maand',
        conditions: 'Je woont in Gent.\nJe zorgt minstens 3 maanden voor iemand.',
        howToApply: 'Met het formulier van het Sociaal Huis.',
      });
      expect(saved.status).toBe(303);
      const gent = await anonymousGent.get('/wegwijzer/mantelzorgpremie').expect(200);
      expect(gent.text).toContain('<h2 id="premie">De mantelzorgpremie in Gent</h2>');
      expect(gent.text).toContain('<strong>€ 25,00 per maand</strong>');
      expect(gent.text).toContain(
        '<p>Je woont in Gent.<br>Je zorgt minstens 3 maanden voor iemand.</p>',
      );
      // Ieper says it gives none
      await submitForm(ieperAdmin, '/beheer/wegwijzer/premie', {
        offered: 'nee',
        amount: '',
        period: '',
        conditions: '',
        howToApply: '',
      });
      const ieper = await anonymousIeper.get('/wegwijzer/mantelzorgpremie').expect(200);
      expect(ieper.text).toContain(escaped(text('guide.read.premium.none', { hub: 'Ieper' })));
      expect(ieper.text).not.toContain('€ 25,00');
      expect(
        await inHub(ieperId, (em) =>
          em.getRepository(CaregiverPremium).findOneBy({ tenantId: ieperId }),
        ),
      ).toMatchObject({
        offered: false,
        amountCents: null,
        period: null,
      });
      // the form shows what is stored
      const form = await gentAdmin.get('/beheer/wegwijzer/premie').expect(200);
      expect(form.text).toMatch(/id="offered-ja" name="offered" value="ja" checked/);
      expect(form.text).toContain('value="25"');
    });

    it.each([
      ['offered', { offered: '' }, 'guide.premium.error.offered'],
      ['amount', { amount: '25 euro' }, 'guide.premium.error.amount'],
      ['amount', { amount: '0' }, 'guide.premium.error.amountMissing'],
      ['period', { period: 'week' }, 'guide.premium.error.period'],
      ['period', { period: '' }, 'guide.premium.error.period'],
      ['howToApply', { howToApply: ' ' }, 'guide.premium.error.howToApply'],
      [
        'conditions',
        { conditions: 'c'.repeat(2001) },
        'guide.premium.error.tooLong',
        { max: 2000 },
      ],
    ] as const)(
      'refuses a premium with a bad %s (%#): the message at the field, nothing written',
      async (field, over, key, ...params: Record<string, unknown>[]) => {
        const before = await snapshot();
        const res = await submitForm(gentAdmin, '/beheer/wegwijzer/premie', {
          offered: 'ja',
          amount: '30',
          period: 'jaar',
          conditions: '',
          howToApply: 'Aan het loket.',
          ...over,
        });
        expect(res.status).toBe(400);
        expect(res.text).toContain(`id="${field}-error"`);
        expect(res.text).toContain(escaped(text(key, params[0])));
        expect(res.text).toContain(field === 'amount' ? `value="${over.amount}"` : 'value="30"');
        expect(await snapshot()).toEqual(before);
      },
    );

    it('lists the themes with general and own published pages; a hub page never shows on another hub', async () => {
      const fixtures = guideFixtures(t);
      await fixtures.local(gentId, {
        title: 'Klad van Gent',
        slug: 'klad-van-gent',
        status: 'draft',
      });
      await fixtures.local(gentId, {
        title: 'Waar vind ik de mantelzorgcafés in Gent?',
        slug: 'cafes-in-gent',
        theme: 'zorgen-voor-jezelf',
        relatedSlugs: ['mantelzorgpremie', 'klad-van-gent'],
      });
      const index = await anonymousGent.get('/wegwijzer').expect(200);
      expect(index.text).toContain('href="/wegwijzer/lokaal/cafes-in-gent"');
      expect(index.text).toContain('href="/wegwijzer/mantelzorgpremie"');
      expect(index.text).toContain('href="/wegwijzer/thema/geld-en-premies"');
      expect(index.text).not.toContain('Klad van Gent');
      expect(index.text).not.toContain('wat-is-kortverblijf-2'); // a general draft
      const theme = await anonymousGent.get('/wegwijzer/thema/zorgen-voor-jezelf').expect(200);
      expect(theme.text).toContain('Waar vind ik de mantelzorgcafés in Gent?');
      await anonymousGent.get('/wegwijzer/thema/bestaat-niet').expect(404);
      const own = await anonymousGent.get('/wegwijzer/lokaal/cafes-in-gent').expect(200);
      expect(own.text).toContain('Laatst nagekeken op 10 januari 2027.');
      // related: the published ones, in order; a draft or a page that is gone is skipped
      expect(own.text).toContain('<a href="/wegwijzer/mantelzorgpremie">');
      expect(own.text).not.toContain('klad-van-gent');
      await anonymousGent.get('/wegwijzer/lokaal/klad-van-gent').expect(404);
      await anonymousGent.get('/wegwijzer/wat-is-kortverblijf-2').expect(404);
      // Ieper: not listed, not found
      const ieper = await anonymousIeper.get('/wegwijzer').expect(200);
      expect(ieper.text).not.toContain('cafes-in-gent');
      expect(ieper.text).toContain('href="/wegwijzer/mantelzorgpremie"');
      await anonymousIeper.get('/wegwijzer/lokaal/cafes-in-gent').expect(404);
      // the home page's "Veelgestelde vragen": the hub's own first, then those with its local part
      const home = await anonymousGent.get('/').expect(200);
      const questions = [...home.text.matchAll(/<li><a href="(\/wegwijzer\/[^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(questions.slice(0, 2)).toEqual([
        '/wegwijzer/lokaal/cafes-in-gent',
        '/wegwijzer/mantelzorgpremie',
      ]);
      expect(questions).toHaveLength(4);
      const ieperHome = await anonymousIeper.get('/').expect(200);
      expect(ieperHome.text).toContain('<h2 id="veelgestelde-vragen">Veelgestelde vragen</h2>');
      expect(ieperHome.text).not.toContain('cafes-in-gent');
      const premium = await anonymousGent.get('/wegwijzer/mantelzorgpremie').expect(200);
      expect(premium.text).toContain('<a href="/wegwijzer/zorgbudget">');
      expect(premium.text).not.toContain('verdwijnt');
    });

    it("writes a hub's own page with the same form; its address is free on another hub", async () => {
      const res = await postPairs(gentAdmin, NEW, [
        ...Object.entries(guidePageForm({ title: 'Wie helpt bij de was?', theme: 'zorg-thuis' })),
        ['related[]', 'cafes-in-gent'],
        ['related[]', 'oppas'],
      ]);
      expect(res.status).toBe(303);
      const row = await inHub(gentId, (em) =>
        em
          .getRepository(LocalGuidePage)
          .findOneBy({ tenantId: gentId, id: idFrom(res.headers.location) }),
      );
      expect(row).toMatchObject({
        slug: 'wie-helpt-bij-de-was',
        relatedSlugs: ['cafes-in-gent', 'oppas'],
      });
      const page = await anonymousGent.get('/wegwijzer/lokaal/wie-helpt-bij-de-was').expect(200);
      expect(page.text).toContain('<a href="/wegwijzer/lokaal/cafes-in-gent">');
      expect(page.text).toContain('<a href="/wegwijzer/oppas">');
      // taken on this hub, free on Ieper; Ieper cannot name Gent's page as related
      const before = await snapshot();
      const taken = await submitForm(
        gentAdmin,
        NEW,
        guidePageForm({ slug: 'wie-helpt-bij-de-was' }),
      );
      expect(taken.status).toBe(400);
      expect(taken.text).toContain(
        escaped(text('guide.pages.error.slugTaken', { slug: 'wie-helpt-bij-de-was' })),
      );
      expect(await snapshot()).toEqual(before);
      const ieper = await postPairs(ieperAdmin, NEW, [
        ...Object.entries(guidePageForm({ slug: 'wie-helpt-bij-de-was' })),
        ['related[]', 'cafes-in-gent'],
      ]);
      expect(ieper.status).toBe(400);
      expect(ieper.text).toContain(
        escaped(text('guide.pages.error.relatedUnknown', { slugs: 'cafes-in-gent' })),
      );
      await submitForm(ieperAdmin, NEW, guidePageForm({ slug: 'wie-helpt-bij-de-was' })).then((r) =>
        expect(r.status).toBe(303),
      );
      // another hub's admin: 404 on Gent's page
      await ieperAdmin.get(`/beheer/wegwijzer/paginas/${row!.id}`).expect(404);
      await caregiver.get(NEW).expect(403);
    });

    it('deletes a general page after a confirmation: on every hub, with the local parts under it', async () => {
      const page = await guideFixtures(t).general({ title: 'Tijdelijke vraag', slug: 'tijdelijk' });
      await t.get(GuideLocalService).saveLocalPart(gentId, page.id, 'In Gent tijdelijk.');
      await t.get(GuideLocalService).saveLocalPart(ieperId, page.id, 'In Ieper tijdelijk.');
      const confirm = await platform
        .get(`/beheer/wegwijzer/paginas/${page.id}/verwijderen`)
        .expect(200);
      expect(confirm.text).toContain(escaped(text('guide.pages.delete.leadGeneral')));
      const res = await submitForm(
        platform,
        `/beheer/wegwijzer/paginas/${page.id}/verwijderen`,
        {},
      );
      expect(res.status).toBe(303);
      expect(await db().getRepository(GeneralGuidePage).findOneBy({ id: page.id })).toBeNull();
      for (const hub of [gentId, ieperId])
        expect(
          await inHub(hub, (em) => em.getRepository(GuideLocalPart).countBy({ pageId: page.id })),
        ).toBe(0);
      await anonymousGent.get('/wegwijzer/tijdelijk').expect(404);
    });
  });
});
