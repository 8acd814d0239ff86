import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { asTenantId } from '../../../../src/database/tenant-id';
import { TenantTransaction } from '../../../../src/database/tenant-transaction';
import type { ArticleStatus } from '../../../../src/news/common/entities/article-columns';
import { GeneralArticle } from '../../../../src/news/common/entities/general-article.entity';
import { GeneralFeedItem } from '../../../../src/news/common/entities/general-feed-item.entity';
import { GeneralFeed } from '../../../../src/news/common/entities/general-feed.entity';
import { LocalArticle } from '../../../../src/news/common/entities/local-article.entity';
import { LocalFeedItem } from '../../../../src/news/common/entities/local-feed-item.entity';
import { LocalFeed } from '../../../../src/news/common/entities/local-feed.entity';
import { NewsSlugsService, slugFromTitle } from '../../../../src/news/common/news-slugs.service';
import type { TestApp } from '../../test-app';
import type { TestManifest } from '../test-manifest';

export interface ArticleFixture {
  title: string;
  slug?: string;
  summary?: string;
  body?: string;
  status?: ArticleStatus;
  publishAt: Date;
  pinned?: boolean;
  imageFileId?: string | null;
  imageAlt?: string | null;
}

export interface FeedFixture {
  name: string;
  url?: string;
  showFull?: boolean;
}

export interface ItemFixture {
  title: string;
  slug?: string;
  summary?: string;
  content?: string;
  link?: string | null;
  publishedAt: Date;
  hidden?: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * News rows for the tests, written straight into the tables (the articles' and feeds' admin
 * forms are other parts' routes), each slug taken through NewsSlugsService in the row's own
 * transaction, as the app does: local rows in the hub's tenant transaction (RLS), general ones in
 * a plain transaction.
 */
export function newsFixtures(t: TestApp) {
  const slugs = t.get(NewsSlugsService);
  const local = <T>(tenantId: string, work: (em: EntityManager) => Promise<T>) =>
    t.get(TenantTransaction).run(asTenantId(tenantId), work);
  const general = <T>(work: (em: EntityManager) => Promise<T>) =>
    t.app.get(DataSource).transaction(work);
  const take = async (em: EntityManager, hub: string | null, title: string, slug?: string) => {
    if (!slug) return slugs.claimFree(em, hub, slugFromTitle(title));
    if (!(await slugs.claim(em, hub, slug))) throw new Error(`news slug taken: ${slug}`);
    return slug;
  };
  const article = (a: ArticleFixture, slug: string) => ({
    slug,
    title: a.title,
    summary: a.summary ?? `Samenvatting van ${a.title}.`,
    body: a.body ?? `Tekst van **${a.title}**.`,
    status: a.status ?? 'published',
    publishAt: a.publishAt,
    pinned: a.pinned ?? false,
    imageFileId: a.imageFileId ?? null,
    imageAlt: a.imageAlt ?? null,
  });
  const feed = (f: FeedFixture) => {
    const url = f.url ?? `https://${randomBytes(4).toString('hex')}.example.be/feed.xml`;
    return { url, host: new URL(url).hostname, name: f.name, showFull: f.showFull ?? false };
  };
  const item = (feedId: string, i: ItemFixture, slug: string) => {
    const link = i.link === undefined ? `https://bron.example.be/${slug}` : i.link;
    const summary = i.summary ?? `Samenvatting van ${i.title}.`;
    const content = i.content ?? `<p>${summary}</p>`;
    return {
      feedId,
      guidHash: sha256(`${feedId}:${slug}`),
      link,
      title: i.title,
      summary,
      content,
      contentHash: sha256([i.title, link, summary, content].join('\n')),
      publishedAt: i.publishedAt,
      slug,
      hidden: i.hidden ?? false,
    };
  };
  return {
    localArticle: (tenantId: string, a: ArticleFixture) =>
      local(tenantId, async (em) => {
        const slug = await take(em, tenantId, a.title, a.slug);
        const row = { tenantId, ...article(a, slug) };
        const { identifiers } = await em.getRepository(LocalArticle).insert(row);
        return { id: String(identifiers[0].id), ...row };
      }),
    generalArticle: (a: ArticleFixture) =>
      general(async (em) => {
        const slug = await take(em, null, a.title, a.slug);
        const row = article(a, slug);
        const { identifiers } = await em.getRepository(GeneralArticle).insert(row);
        return { id: String(identifiers[0].id), ...row };
      }),
    localFeed: (tenantId: string, f: FeedFixture) =>
      local(tenantId, async (em) => {
        const { identifiers } = await em.getRepository(LocalFeed).insert({ tenantId, ...feed(f) });
        return String(identifiers[0].id);
      }),
    generalFeed: (f: FeedFixture) =>
      general(async (em) => {
        const { identifiers } = await em.getRepository(GeneralFeed).insert(feed(f));
        return String(identifiers[0].id);
      }),
    localItem: (tenantId: string, feedId: string, i: ItemFixture) =>
      local(tenantId, async (em) => {
        const slug = await take(em, tenantId, i.title, i.slug);
        const row = { tenantId, ...item(feedId, i, slug) };
        const { identifiers } = await em.getRepository(LocalFeedItem).insert(row);
        return { id: String(identifiers[0].id), ...row };
      }),
    generalItem: (feedId: string, i: ItemFixture) =>
      general(async (em) => {
        const slug = await take(em, null, i.title, i.slug);
        const row = item(feedId, i, slug);
        const { identifiers } = await em.getRepository(GeneralFeedItem).insert(row);
        return { id: String(identifiers[0].id), ...row };
      }),
  };
}

const DAY = 24 * 3600_000;

const page =
  (key: string) =>
  (ids: Record<string, string>): string =>
    `/nieuws/${ids[key]}`;

/**
 * The news's reading pages in the tests' registries (isolation, accessibility sweep). Each seeded
 * municipality gets a published local article and a feed of its own with an item (its name
 * carries the marker: it must never show on another hub), and one general feed with an item
 * (shown on every hub, so no marker), so every news table has rows.
 */
// prettier-ignore
export const NEWS_PAGES_TEST_PART: Partial<TestManifest> = {
  tenantRoutes: [
    // Another hub's article or feed item is not this hub's news: /nieuws/<B's slug> is a 404.
    { method: 'GET', path: page('newsArticleSlug'), actor: 'anonymous' },
    { method: 'GET', path: page('newsItemSlug'), actor: 'anonymous' },
  ],
  seeders: [
    async ({ t, tenant, tenantId, marker }) => {
      const news = newsFixtures(t);
      const now = t.clock.now();
      const article = await news.localArticle(tenantId, {
        title: `${marker} Mantelzorgpremie in ${tenant.name}`,
        slug: `mantelzorgpremie-${tenant.slug}`,
        summary: `De mantelzorgpremie van ${tenant.name} (${marker}).`,
        body: `Vraag de **premie** aan in het Sociaal Huis.\n\n- Vul het formulier in.\n- Breng je attesten mee.\n\nMeer bij de [Vlaamse overheid](https://www.vlaanderen.be/mantelzorg).`,
        publishAt: new Date(now.getTime() - 2 * DAY),
        pinned: true,
      });
      const localFeed = await news.localFeed(tenantId, { name: `${marker} Website ${tenant.name}` });
      const localItem = await news.localItem(tenantId, localFeed, {
        title: `${marker} Nieuwe openingsuren Sociaal Huis`,
        slug: `openingsuren-${tenant.slug}`,
        publishedAt: new Date(now.getTime() - DAY),
      });
      const generalFeed = await news.generalFeed({ name: 'Departement Zorg', showFull: true });
      const generalItem = await news.generalItem(generalFeed, {
        title: `Meer plaatsen in de dagverzorging (${tenant.slug})`,
        slug: `dagverzorging-${tenant.slug}`,
        content: '<p>Meer plaatsen in de <strong>dagverzorging</strong>.</p>',
        publishedAt: new Date(now.getTime() - 3 * DAY),
      });
      return {
        newsArticleSlug: article.slug,
        newsLocalFeedId: localFeed,
        newsItemSlug: localItem.slug,
        newsGeneralFeedId: generalFeed,
        newsGeneralItemSlug: generalItem.slug,
      };
    },
  ],
  a11yPages: [
    { host: 'tenant', path: '/nieuws', viewer: 'anonymous' },
    { host: 'tenant', path: page('newsArticleSlug'), viewer: 'anonymous' }, // an article: Markdown body
    { host: 'tenant', path: page('newsItemSlug'), viewer: 'anonymous' }, // a summary with the link to the original
    { host: 'tenant', path: page('newsGeneralItemSlug'), viewer: 'caregiver' }, // an item shown in full
  ],
  notA11yPages: {
    'GET /nieuws.rss': 'an RSS feed (XML for news readers)',
  },
};
