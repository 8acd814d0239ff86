import { parseFeed } from '@rowanmanning/feed-parser';
import { TestClock } from '../src/common/clock';
import { asTenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { saveStoredFile } from '../src/files/stored-files';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { queryAs } from './support/database';
import { createTenant } from './support/factories';
import { newsFixtures } from './support/features/news/pages';
import { PNG } from './support/features/png';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The news's reading pages at the HTTP level: /nieuws (local and general mixed by date, labelled
 * with their source, pinned first and at most three, pages of 20, the filter), an item's page
 * (an article in full, a feed item's summary or content with the link to the original), the
 * RSS (parsed with a feed parser), the home section, and the one visibility rule (draft, future,
 * archived, hidden, another hub's) on each of them.
 */
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The item addresses of a list, in order (the titles' links of /nieuws, the home section). */
const slugsIn = (html: string, pattern = /<h2><a href="\/nieuws\/([a-z0-9-]+)">/g) =>
  [...html.matchAll(pattern)].map((m) => m[1]);
const homeSlugs = (html: string) =>
  slugsIn(html.slice(html.indexOf('id="nieuws-recent"')), /<li><a href="\/nieuws\/([a-z0-9-]+)">/g);
/** The text of an HTML fragment, tags dropped and white space folded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('news pages', () => {
  let t: TestApp;
  let gent: Tenant;
  let ieper: Tenant;
  const clock = new TestClock(ORDINARY_NOW);
  const ago = (ms: number) => new Date(clock.now().getTime() - ms);
  let news: ReturnType<typeof newsFixtures>;
  const anonymous = (slug = 'gent') => t.agent(slug);

  /** Every news row gone: each test builds the news it needs. */
  const wipe = () =>
    queryAs(
      t.db.adminUrl,
      `truncate news_feed_items, news_feeds, news_articles, general_feed_items, general_feeds,
         general_articles, news_slugs`,
    );

  /** What anonymous readers of Gent see: the list (all pages), an item's status, the RSS, home. */
  const seen = async (slug: string) => {
    const agent = anonymous();
    const list = slugsIn((await agent.get('/nieuws').expect(200)).text).includes(slug);
    const page = (await agent.get(`/nieuws/${slug}`)).status;
    const rss = (await agent.get('/nieuws.rss').expect(200)).text.includes(`/nieuws/${slug}<`);
    const home = homeSlugs((await agent.get('/').expect(200)).text).includes(slug);
    return { list, page, rss, home };
  };
  const visible = { list: true, page: 200, rss: true, home: true };
  const invisible = { list: false, page: 404, rss: false, home: false };

  beforeAll(async () => {
    t = await createTestApp({ worker: false, clock });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    news = newsFixtures(t);
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    clock.set(ORDINARY_NOW);
    await wipe();
  });

  it('mixes local and general news by date, each labelled "lokaal" or "algemeen" with its source', async () => {
    const localFeed = await news.localFeed(gent.id, { name: 'Website Gent' });
    const generalFeed = await news.generalFeed({ name: 'Departement Zorg' });
    await news.localArticle(gent.id, { title: 'Mantelzorgpremie', publishAt: ago(1 * HOUR) });
    await news.generalItem(generalFeed, {
      title: 'Meer dagverzorging',
      publishedAt: ago(2 * HOUR),
    });
    await news.generalArticle({ title: 'Zorgbudget', publishAt: ago(3 * HOUR) });
    await news.localItem(gent.id, localFeed, { title: 'Openingsuren', publishedAt: ago(4 * HOUR) });

    const html = (await anonymous().get('/nieuws').expect(200)).text;
    expect(slugsIn(html)).toEqual([
      'mantelzorgpremie',
      'meer-dagverzorging',
      'zorgbudget',
      'openingsuren',
    ]);
    const labels = [...html.matchAll(/<p><strong>(lokaal|algemeen)<\/strong> · ([^<]+)<\/p>/g)].map(
      (m) => `${m[1]} · ${m[2].trim()}`,
    );
    expect(labels).toEqual([
      'lokaal · Gent',
      'algemeen · Departement Zorg',
      'algemeen · Mantelzorghub',
      'lokaal · Website Gent',
    ]);
    // The news of Gent's page head: its RSS as an alternate version.
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Nieuws van de Mantelzorghub Gent" href="/nieuws.rss">',
    );
  });

  it('shows at most three pinned articles first (local before general, newest first), the rest by date', async () => {
    await news.localArticle(gent.id, {
      title: 'Lokaal vast oud',
      pinned: true,
      publishAt: ago(30 * DAY),
    });
    await news.localArticle(gent.id, {
      title: 'Lokaal vast nieuw',
      pinned: true,
      publishAt: ago(20 * DAY),
    });
    await news.generalArticle({
      title: 'Algemeen vast nieuw',
      pinned: true,
      publishAt: ago(5 * DAY),
    });
    await news.generalArticle({
      title: 'Algemeen vast oud',
      pinned: true,
      publishAt: ago(40 * DAY),
    });
    await news.localArticle(gent.id, { title: 'Gewoon nieuws', publishAt: ago(1 * DAY) });
    const html = (await anonymous().get('/nieuws').expect(200)).text;
    expect(slugsIn(html)).toEqual([
      'lokaal-vast-nieuw',
      'lokaal-vast-oud',
      'algemeen-vast-nieuw',
      'gewoon-nieuws',
      'algemeen-vast-oud', // a fourth pinned one: by its date
    ]);
    expect(html.match(/ · Vastgezet<\/p>/g)).toHaveLength(3);
    // The home section is the newest news, pinned or not.
    expect(homeSlugs((await anonymous().get('/').expect(200)).text)).toEqual([
      'gewoon-nieuws',
      'algemeen-vast-nieuw',
      'lokaal-vast-nieuw',
    ]);
  });

  it('shows an article planned for later from its moment on: list, page, RSS and home', async () => {
    const planned = await news.localArticle(gent.id, {
      title: 'Nieuw seizoen',
      publishAt: new Date(clock.now().getTime() + HOUR),
    });
    const general = await news.generalArticle({
      title: 'Week van de mantelzorg',
      publishAt: new Date(clock.now().getTime() + 2 * HOUR),
    });
    expect(await seen(planned.slug)).toEqual(invisible);
    expect(await seen(general.slug)).toEqual(invisible);
    clock.advance(HOUR);
    expect(await seen(planned.slug)).toEqual(visible);
    expect(await seen(general.slug)).toEqual(invisible);
    clock.advance(HOUR);
    expect(await seen(general.slug)).toEqual(visible);
  });

  it('never shows a draft, an archived article or a hidden item: not in the list, page, RSS or home', async () => {
    const localFeed = await news.localFeed(gent.id, { name: 'Website Gent' });
    const generalFeed = await news.generalFeed({ name: 'Samana' });
    const hidden = [
      await news.localArticle(gent.id, {
        title: 'Klad lokaal',
        status: 'draft',
        publishAt: ago(HOUR),
      }),
      await news.localArticle(gent.id, {
        title: 'Archief lokaal',
        status: 'archived',
        publishAt: ago(HOUR),
      }),
      await news.generalArticle({ title: 'Klad algemeen', status: 'draft', publishAt: ago(HOUR) }),
      await news.generalArticle({
        title: 'Archief algemeen',
        status: 'archived',
        publishAt: ago(HOUR),
      }),
      await news.localItem(gent.id, localFeed, {
        title: 'Verborgen lokaal',
        hidden: true,
        publishedAt: ago(HOUR),
      }),
      await news.generalItem(generalFeed, {
        title: 'Verborgen algemeen',
        hidden: true,
        publishedAt: ago(HOUR),
      }),
    ];
    const shown = await news.localArticle(gent.id, {
      title: 'Wel te zien',
      publishAt: ago(2 * HOUR),
    });
    for (const item of hidden)
      expect({ slug: item.slug, ...(await seen(item.slug)) }).toEqual({
        slug: item.slug,
        ...invisible,
      });
    expect(await seen(shown.slug)).toEqual(visible);
    // With nothing visible at all the home page has no news section.
    await wipe();
    await news.localArticle(gent.id, {
      title: 'Nog een klad',
      status: 'draft',
      publishAt: ago(HOUR),
    });
    const home = (await anonymous().get('/').expect(200)).text;
    expect(home).not.toContain('id="nieuws-recent"');
    expect((await anonymous().get('/nieuws').expect(200)).text).toContain('Er is nog geen nieuws.');
  });

  it('pages by 20 and filters local or general; a page past the end shows the last one', async () => {
    const localFeed = await news.localFeed(gent.id, { name: 'Website Gent' });
    const generalFeed = await news.generalFeed({ name: 'CM' });
    const order: string[] = [];
    // 45 items, alternately local and general, one hour apart (newest first), and an old pinned article.
    for (let i = 0; i < 45; i++) {
      const input = { title: `Bericht ${i + 1}`, publishedAt: ago((i + 1) * HOUR) };
      const item =
        i % 2
          ? await news.generalItem(generalFeed, input)
          : await news.localItem(gent.id, localFeed, input);
      order.push(item.slug);
    }
    const pinned = await news.localArticle(gent.id, {
      title: 'Vastgezet bericht',
      pinned: true,
      publishAt: ago(90 * DAY),
    });
    const agent = anonymous();
    const pageOf = async (query: string) => {
      // Handlebars writes `=` and `&` in attributes as entities.
      const html = (await agent.get(`/nieuws${query}`).expect(200)).text
        .replace(/&#x3D;/g, '=')
        .replace(/&amp;/g, '&');
      return { slugs: slugsIn(html), html };
    };
    const [one, two, three] = [
      await pageOf(''),
      await pageOf('?pagina=2'),
      await pageOf('?pagina=3'),
    ];
    expect(one.slugs).toEqual([pinned.slug, ...order.slice(0, 19)]);
    expect(two.slugs).toEqual(order.slice(19, 39));
    expect(three.slugs).toEqual(order.slice(39));
    expect(text(one.html)).toContain('Pagina 1 van 3');
    expect(one.html).toContain('<a href="/nieuws?pagina=2" rel="next">Volgende pagina</a>');
    expect(two.html).toContain('<a href="/nieuws" rel="prev">Vorige pagina</a>');
    expect(three.html).not.toContain('rel="next"');
    expect((await pageOf('?pagina=99')).slugs).toEqual(three.slugs);
    expect((await pageOf('?pagina=-1')).slugs).toEqual(one.slugs);

    const localOnly = [pinned.slug, ...order.filter((_, i) => i % 2 === 0)];
    const local1 = await pageOf('?soort=lokaal');
    const local2 = await pageOf('?soort=lokaal&pagina=2');
    expect([...local1.slugs, ...local2.slugs]).toEqual(localOnly);
    expect(local1.html).toContain('<a href="/nieuws?soort=lokaal&pagina=2" rel="next">');
    expect(local1.html).toContain('<a href="/nieuws?soort=lokaal" aria-current="page">');
    expect(local1.html).toContain('<h1>Lokaal nieuws</h1>');
    const general1 = await pageOf('?soort=algemeen');
    const general2 = await pageOf('?soort=algemeen&pagina=2');
    expect([...general1.slugs, ...general2.slugs]).toEqual(order.filter((_, i) => i % 2 === 1));
    expect(general1.slugs).toHaveLength(20);
    expect(general2.html).not.toContain('rel="next"');
    expect((await pageOf('?soort=iets')).slugs).toEqual(one.slugs);
  });

  it('shows an article in full: the Markdown body rendered and sanitized, its image with its alt text', async () => {
    const file = await t
      .get(TenantTransaction)
      .run(asTenantId(gent.id), (em) =>
        saveStoredFile(em, asTenantId(gent.id), { contentType: 'image/png', content: PNG }),
      );
    const a = await news.localArticle(gent.id, {
      title: 'De mantelzorgpremie',
      summary: 'Vraag de premie aan.',
      body: '## Voorwaarden\n\nJe zorgt **drie maanden**.\n\n- een\n- twee\n\n[Vlaanderen](https://www.vlaanderen.be) en [cafés](/cafes) <script>alert(1)</script>',
      publishAt: ago(DAY),
      imageFileId: file.id,
      imageAlt: 'Twee mantelzorgers aan een tafel',
    });
    const html = (await anonymous().get(`/nieuws/${a.slug}`).expect(200)).text;
    expect(html).toContain('<h1>De mantelzorgpremie</h1>');
    expect(html).toContain('<h3>Voorwaarden</h3>');
    expect(html).toContain('<strong>drie maanden</strong>');
    expect(html).toContain('<a href="https://www.vlaanderen.be" rel="noopener">Vlaanderen</a>');
    expect(html).toContain('<a href="/cafes">cafés</a>');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(
      `<img class="cafe-photo" src="/nieuws/beeld/${a.id}" alt="Twee mantelzorgers aan een tafel">`,
    );
    expect(text(html)).toContain('lokaal · Bron: Gent');
    expect(text(html)).toContain('Verschenen op 11 mei 2027');
    // The list shows it with its image too.
    expect((await anonymous().get('/nieuws').expect(200)).text).toContain(
      `src="/nieuws/beeld/${a.id}" alt="Twee mantelzorgers aan een tafel"`,
    );
    const g = await news.generalArticle({ title: 'Respijtzorg', publishAt: ago(DAY) });
    expect(text((await anonymous().get(`/nieuws/${g.slug}`).expect(200)).text)).toContain(
      'algemeen · Bron: Mantelzorghub',
    );
  });

  it('shows an aggregated item’s summary or its content, always with its source and a link to the original', async () => {
    const summaryFeed = await news.generalFeed({ name: 'Departement Zorg', showFull: false });
    const fullFeed = await news.localFeed(gent.id, { name: 'Website Gent', showFull: true });
    const summary = await news.generalItem(summaryFeed, {
      title: 'Meer dagverzorging',
      summary: 'Er komen plaatsen bij.',
      content: '<p>De volledige tekst.</p>',
      link: 'https://www.departementzorg.be/nl/nieuws/dagverzorging',
      publishedAt: ago(DAY),
    });
    const full = await news.localItem(gent.id, fullFeed, {
      title: 'Openingsuren',
      summary: 'Ook op dinsdagavond.',
      // As stored; shown through the allowlist again all the same.
      content:
        '<p>Ook op <em>dinsdagavond</em> open.</p><img src="https://t.example/p.gif"><script>x()</script>',
      link: 'https://stad.gent/nieuws/openingsuren',
      publishedAt: ago(DAY),
    });
    const noLink = await news.generalItem(summaryFeed, {
      title: 'Zonder link',
      link: null,
      publishedAt: ago(DAY),
    });

    const one = (await anonymous().get(`/nieuws/${summary.slug}`).expect(200)).text;
    expect(one).toContain('<p>Er komen plaatsen bij.</p>');
    expect(one).not.toContain('De volledige tekst.');
    expect(text(one)).toContain('algemeen · Bron: Departement Zorg');
    expect(one).toContain(
      '<a class="button secondary" href="https://www.departementzorg.be/nl/nieuws/dagverzorging" rel="noopener">Lees het volledige bericht op Departement Zorg</a>',
    );
    const two = (await anonymous().get(`/nieuws/${full.slug}`).expect(200)).text;
    expect(two).toContain('<p>Ook op <em>dinsdagavond</em> open.</p>');
    expect(two).not.toMatch(/<img src="https|<script>x/);
    expect(two).toContain(
      'href="https://stad.gent/nieuws/openingsuren" rel="noopener">Lees het volledige bericht op Website Gent</a>',
    );
    const three = (await anonymous().get(`/nieuws/${noLink.slug}`).expect(200)).text;
    expect(three).toContain('De bron gaf geen link naar het volledige bericht.');
  });

  it('gives the news as valid RSS 2.0 with absolute links, the newest 30, built for anonymous readers', async () => {
    const generalFeed = await news.generalFeed({ name: 'Samana' });
    await news.generalItem(generalFeed, {
      title: 'Zorg & welzijn <samen>',
      summary: 'Een "korte" samenvatting & meer.',
      publishedAt: ago(HOUR),
    });
    for (let i = 0; i < 32; i++)
      await news.localArticle(gent.id, {
        title: `Artikel ${i + 1}`,
        publishAt: ago((i + 2) * HOUR),
      });
    await news.localArticle(gent.id, { title: 'Klad', status: 'draft', publishAt: ago(HOUR) });
    const res = await anonymous().get('/nieuws.rss').expect(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const feed = parseFeed(res.text);
    const origin = t.url('gent', '').replace(/\/$/, '');
    expect(feed.meta).toEqual({ type: 'rss', version: '2.0' });
    expect(feed.title).toBe('Nieuws van de Mantelzorghub Gent');
    expect(feed.url).toBe(`${origin}/nieuws`);
    expect(feed.self).toBe(`${origin}/nieuws.rss`);
    expect(feed.language).toBe('nl-BE');
    expect(feed.items).toHaveLength(30);
    const [first, second] = feed.items;
    expect(first.title).toBe('Zorg & welzijn <samen>');
    expect(first.description).toBe('Een "korte" samenvatting & meer.');
    expect(first.url).toBe(`${origin}/nieuws/zorg-welzijn-samen`);
    expect(first.id).toBe(first.url);
    expect(first.published?.toISOString()).toBe(
      new Date(Math.floor(ago(HOUR).getTime() / 1000) * 1000).toISOString(),
    );
    expect(second.title).toBe('Artikel 1');
    expect(feed.items.every((item) => item.url?.startsWith(`${origin}/nieuws/`))).toBe(true);
    expect(feed.items.map((i) => i.title)).not.toContain('Klad');
  });

  it('shows the newest three on the home page with a link to all news', async () => {
    for (let i = 0; i < 4; i++)
      await news.generalArticle({ title: `Algemeen ${i + 1}`, publishAt: ago((i + 1) * HOUR) });
    const home = (await anonymous().get('/').expect(200)).text;
    expect(homeSlugs(home)).toEqual(['algemeen-1', 'algemeen-2', 'algemeen-3']);
    expect(home).toContain('<p><a href="/nieuws">Al het nieuws</a></p>');
    expect(text(home)).toContain('Algemeen 1 algemeen · Mantelzorghub · 12 mei 2027');
  });

  it('keeps a hub’s own news on its own hub: another hub’s slug is a 404 there, general news is on both', async () => {
    const ieperFeed = await news.localFeed(ieper.id, { name: 'Website Ieper' });
    const theirs = await news.localArticle(ieper.id, {
      title: 'Premie Ieper',
      publishAt: ago(HOUR),
    });
    const theirItem = await news.localItem(ieper.id, ieperFeed, {
      title: 'Openingsuren Ieper',
      publishedAt: ago(HOUR),
    });
    const everyone = await news.generalArticle({ title: 'Voor iedereen', publishAt: ago(HOUR) });
    for (const slug of [theirs.slug, theirItem.slug]) {
      expect(await seen(slug)).toEqual(invisible);
      await anonymous('ieper').get(`/nieuws/${slug}`).expect(200);
    }
    expect(await seen(everyone.slug)).toEqual(visible);
    await anonymous('ieper').get(`/nieuws/${everyone.slug}`).expect(200);
    const ieperList = slugsIn((await anonymous('ieper').get('/nieuws').expect(200)).text);
    expect(ieperList.sort()).toEqual([theirs.slug, theirItem.slug, everyone.slug].sort());
  });

  it('answers 404 for an address that cannot be an item: reserved words, bad forms, too long', async () => {
    await news.localArticle(gent.id, { title: 'Bestaat', publishAt: ago(HOUR) });
    for (const path of [
      '/nieuws/rss',
      '/nieuws/pagina',
      '/nieuws/Bestaat',
      '/nieuws/a',
      `/nieuws/${'a'.repeat(121)}`,
      '/nieuws/bestaat-niet',
      '/nieuws/%C3%A9t%C3%A9',
    ])
      expect({ path, status: (await anonymous().get(path)).status }).toEqual({ path, status: 404 });
    await anonymous().get('/nieuws/bestaat').expect(200);
    // Not on the platform's site.
    await t.agent(null).get('/nieuws').expect(404);
  });
});
