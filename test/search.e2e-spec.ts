import { ActivitiesService } from '../src/calendar/activities/activities.service';
import { OrganisationsService } from '../src/guide/organisations/organisations.service';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { LegalPagesService } from '../src/tenancy/legal-pages.service';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { academyFixtures } from './support/academy';
import { cafeFixtures, cafeInput } from './support/cafes';
import { logIn } from './support/csrf';
import { createMember, createTenant } from './support/factories';
import { activityInput } from './support/features/calendar';
import { organisationForm } from './support/features/guide/organisations';
import { guideFixtures } from './support/guide-pages';
import { articleFixtures } from './support/news-articles';
import { brussels, ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Search (`/zoeken`, issue 12): one hub's content of every kind and the general content, found
 * through the index the content tables keep by trigger. The relevance table: at least 25 Dutch
 * queries (typos, accents, plurals, compounds, synonyms, two words) with the expected first hit.
 * Also: who sees what, a change found at once, another hub's content never, hostile queries.
 * "Now" is Wednesday 12 May 2027, 10:00 in Brussels.
 */
describe('search', () => {
  const clock = new TestClock(ORDINARY_NOW);
  let t: TestApp;
  let gent: Tenant;
  let gentId: TenantId;
  let professional: ReturnType<TestApp['agent']>;
  const anonymous = () => t.agent('gent');
  /** The result titles of a search, in order. */
  const titles = async (q: string, agent = anonymous()) => {
    const res = await agent.get('/zoeken').query({ q });
    expect(res.status).toBe(200);
    const lists = [...res.text.matchAll(/<ul class="search-results">([\s\S]*?)<\/ul>/g)];
    return lists.flatMap((list) =>
      [...list[1].matchAll(/<li>\s*<a href="[^"]+">([^<]+)<\/a>/g)].map((m) =>
        m[1].replace(/&#x27;/g, "'").replace(/&amp;/g, '&'),
      ),
    );
  };

  beforeAll(async () => {
    t = await createTestApp({ worker: false, clock });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent', contactPhone: '09 266 11 11' });
    gentId = asTenantId(gent.id);
    const activities = t.get(ActivitiesService);
    const activity = async (title: string, description: string, over = {}) => {
      const saved = await activities.create(
        gentId,
        { ...activityInput(title, over), description },
        'published',
        null,
      );
      if (!saved.ok) throw new Error(saved.reason);
    };
    await activity('Wandelen met de mantelzorgers', 'Een rustige wandeling door het park.');
    await activity(
      'Praatgroep voor mantelzorgers',
      'Mantelzorgers van iemand met dementie delen ervaringen.',
    );
    await activity(
      'Infoavond over het mantelzorgstatuut',
      'Wie kan het statuut aanvragen en wat levert het op?',
    );
    await activity('Intervisie voor hulpverleners', 'Casusbespreking over overbelasting.', {
      audiences: ['professional'],
    });
    await cafeFixtures(t).create(
      gentId,
      cafeInput({
        name: 'Mantelzorgcafé De Koffiepot',
        slug: 'koffiepot',
        description: 'Elke maand een babbel en een tas koffie.',
      }),
      clock.now(),
    );
    const academy = academyFixtures(t);
    const course = async (title: string, summary: string) => {
      const made = await academy.createCourse(gentId, {
        title,
        status: 'published',
        sessions: [
          { startsAt: brussels('2027-06-03T14:00'), endsAt: brussels('2027-06-03T16:00') },
        ],
      });
      // Through SQL: the courses table's trigger keeps the index as a form's save does.
      await t
        .get(TenantTransaction)
        .run(gentId, (em) =>
          em.query('update courses set summary = $3 where tenant_id = $1 and id = $2', [
            gentId,
            made.course.id,
            summary,
          ]),
        );
    };
    await course('Til- en transfertechnieken', 'Leer veilig tillen zonder je rug te belasten.');
    await course('Omgaan met dementie', 'Wat verandert er en hoe ga je ermee om?');
    const organisations = t.get(OrganisationsService);
    for (const [name, offer] of [
      ['Oppasdienst De Zonnebloem', 'Vrijwilligers passen een dagdeel op bij je thuis.'],
      ['Dagverzorgingscentrum Ter Linde', 'Dagopvang voor ouderen die thuis wonen.'],
      [
        'Kortverblijf Sint-Jozef',
        'Enkele dagen of weken verblijf, als de mantelzorger even niet kan.',
      ],
    ]) {
      const saved = await organisations.create(gentId, organisationForm({ name, offer }));
      if (!saved.ok) throw new Error(saved.reason);
    }
    const guide = guideFixtures(t);
    await guide.local(gentId, {
      title: 'Mantelzorgpremie van de stad Gent',
      answer: 'De stad geeft een premie aan mantelzorgers die thuis zorgen.',
      body: 'Vraag de premie aan bij het Sociaal Huis.',
    });
    await guide.local(gentId, {
      title: 'Respijtzorg: even op adem komen',
      answer: 'Iemand neemt de zorg even over, zodat jij kan rusten.',
      body: 'Er zijn verschillende vormen.',
    });
    await guide.general({
      title: 'Zorgverlof voor werkende mantelzorgers',
      answer: 'Als werknemer kan je verlof nemen om voor iemand te zorgen.',
      body: 'Vraag het aan bij je werkgever.',
    });
    await articleFixtures(t).local(gentId, {
      title: 'Nieuwe thuisverpleging in de wijk',
      summary: 'Een team verpleegkundigen komt aan huis.',
    });
    await articleFixtures(t).local(gentId, {
      title: 'Binnenkort: de nieuwe dienstencentra',
      summary: 'Verschijnt pas volgende week.',
      publishAt: new Date(clock.now().getTime() + 7 * 24 * 3600_000),
    });
    await t.get(LegalPagesService).save(gentId, gent, 'privacy', 'Zo gaan we om met je gegevens.');
    // Another hub's activity: never found on Gent.
    const ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    const other = await activities.create(
      asTenantId(ieper.id),
      activityInput('Kantklosles in Ieper'),
      'published',
      null,
    );
    if (!other.ok) throw new Error(other.reason);
    professional = t.agent('gent');
    await logIn(professional, await createMember(t, { tenant: gent, role: 'professional' }));
  });
  afterAll(() => t?.close());

  // prettier-ignore
  const RELEVANCE: [query: string, firstHit: string, why: string][] = [
    ['koffiepot', 'Mantelzorgcafé De Koffiepot', 'a word of the title'],
    ['Koffiepot', 'Mantelzorgcafé De Koffiepot', 'capitals'],
    ['koffie', 'Mantelzorgcafé De Koffiepot', 'the start of a compound in the title'],
    ['café', 'Mantelzorgcafé De Koffiepot', 'accent, synonym mantelzorgcafe'],
    ['cafe', 'Mantelzorgcafé De Koffiepot', 'without the accent'],
    ['mantelzrgcafe', 'Mantelzorgcafé De Koffiepot', 'a typo (trigrams)'],
    ['dementie', 'Omgaan met dementie', 'title before body'],
    ['dementei', 'Omgaan met dementie', 'a typo'],
    ['alzheimer', 'Omgaan met dementie', 'synonym'],
    ['praatgroep', 'Praatgroep voor mantelzorgers', 'a word of the title'],
    ['lotgenoten', 'Praatgroep voor mantelzorgers', 'synonym'],
    ['oppas', 'Oppasdienst De Zonnebloem', 'the start of a compound'],
    ['zonnebloem', 'Oppasdienst De Zonnebloem', 'a name'],
    ['respijtzorg', 'Respijtzorg: even op adem komen', 'a compound in the title'],
    ['respijt zorg', 'Respijtzorg: even op adem komen', 'a compound typed as two words'],
    ['respijt', 'Respijtzorg: even op adem komen', 'the start of a compound in the title'],
    ['dagopvang', 'Dagverzorgingscentrum Ter Linde', 'synonym dagverzorging, a compound'],
    ['ter linde', 'Dagverzorgingscentrum Ter Linde', 'two words'],
    ['kortverblijf', 'Kortverblijf Sint-Jozef', 'a word of the title'],
    ['sint jozef', 'Kortverblijf Sint-Jozef', 'a hyphenated name as two words'],
    ['mantelzorgpremie', 'Mantelzorgpremie van de stad Gent', 'a compound'],
    ['mantelzorgtoelage', 'Mantelzorgpremie van de stad Gent', 'synonym'],
    ['premie voor mantelzorgers', 'Mantelzorgpremie van de stad Gent', 'the compound in words'],
    ['mantelzorgstatuut', 'Infoavond over het mantelzorgstatuut', 'a compound'],
    ['tillen', 'Til- en transfertechnieken', 'a verb in the text'],
    ['transfertechniek', 'Til- en transfertechnieken', 'singular of a plural'],
    ['wandeling', 'Wandelen met de mantelzorgers', 'another form of the word (stemmer)'],
    ['thuisverpleging', 'Nieuwe thuisverpleging in de wijk', 'a local article'],
    ['verpleging aan huis', 'Nieuwe thuisverpleging in de wijk', 'synonym phrase'],
    ['zorgverlof', 'Zorgverlof voor werkende mantelzorgers', 'a general guide page (global index)'],
    ['privacy', 'Privacyverklaring', "the hub's privacy statement"],
  ];

  it.each(RELEVANCE)('"%s" finds "%s" first (%s)', async (query, firstHit) => {
    expect((await titles(query))[0]).toBe(firstHit);
  });

  it('shows only what the viewer may see, visible now, of this hub', async () => {
    expect(await titles('intervisie')).toEqual([]);
    expect(await titles('intervisie', professional)).toEqual(['Intervisie voor hulpverleners']);
    expect(await titles('dienstencentra')).toEqual([]);
    expect(await titles('kantklosles')).toEqual([]);
    const ieper = await t.agent('ieper').get('/zoeken').query({ q: 'kantklosles' });
    expect(ieper.text).toContain('Kantklosles in Ieper');
  });

  it('groups the results, marks the matches escaped, keeps the query in the boxes', async () => {
    const res = await anonymous().get('/zoeken').query({ q: 'mantelzorgers <b>' });
    expect(res.text).toContain('value="mantelzorgers &lt;b&gt;"');
    expect(res.text).not.toContain('<b>');
    const groups = [...res.text.matchAll(/<h2 id="groep-\d+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(groups).toEqual(expect.arrayContaining(['Activiteiten', 'Wegwijzer']));
    expect(res.text).toMatch(/<mark>[Mm]antelzorgers<\/mark>/);
  });

  it('finds a changed item at once and an archived one no more', async () => {
    const activities = t.get(ActivitiesService);
    const [row] = await t
      .get(TenantTransaction)
      .run(gentId, (em) =>
        em.query<{ id: string }[]>(
          `select id from activities where tenant_id = $1 and title = 'Wandelen met de mantelzorgers'`,
          [gentId],
        ),
      );
    const activity = (await activities.find(gentId, row.id))!;
    const input = { ...activityInput('Nordic walking met de mantelzorgers'), slug: activity.slug };
    expect((await activities.update(gentId, activity.id, input, 'published')).ok).toBe(true);
    expect(await titles('nordic')).toEqual(['Nordic walking met de mantelzorgers']);
    expect((await activities.update(gentId, activity.id, input, 'archived')).ok).toBe(true);
    expect(await titles('nordic')).toEqual([]);
  });

  it('helps when nothing is found: a suggestion, the next café meeting, the social services', async () => {
    const res = await anonymous().get('/zoeken').query({ q: 'koffiepott zonnebloen' });
    expect(res.text).toContain('We vonden niets voor &quot;koffiepott zonnebloen&quot;.');
    expect(res.text).toContain(
      '<a href="/zoeken?q&#x3D;koffiepot%20zonnebloem">koffiepot zonnebloem</a>',
    );
    expect(res.text).toMatch(/Het volgende mantelzorgcafé: <a href="\/cafes\/koffiepot\/[^"]+">/);
    expect(res.text).toContain('09 266 11 11');
  });

  it('answers hostile queries without an error', async () => {
    for (const q of [
      '&',
      '|',
      '!',
      ':*',
      "'",
      '"',
      'a & | ! b',
      "mantel'zorg",
      '(((',
      '\\',
      'x'.repeat(10_000),
      '<script>',
    ]) {
      const res = await anonymous().get('/zoeken').query({ q });
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('<script>');
    }
    const twice = await anonymous().get('/zoeken?q=a&q=b&pagina=-1');
    expect(twice.status).toBe(200);
    const far = await anonymous().get('/zoeken').query({ q: 'mantelzorgers', pagina: '999' });
    expect(far.status).toBe(200);
    expect(far.text).toContain('<mark>');
  });

  it('has a search box in the header of every hub page', async () => {
    const home = await anonymous().get('/');
    expect(home.text).toMatch(
      /<form class="header-search" method="get" action="\/zoeken" role="search">/,
    );
  });
});
