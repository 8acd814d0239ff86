import { createTestDatabase, queryAs, TestDatabase } from '../../test/support/database';
import { seedDemoData } from './seed';

// Against the real database (a clone of the migrated template), as the app role.
describe('demo news', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('gives every hub local articles (the premium, the café season pinned) and its website feed, the platform general articles and feeds of real sources with items fetched earlier, every slug claimed; once', async () => {
    await seedDemoData(db.appUrl, 'development');
    const read = async () => {
      const hubs = await queryAs<{
        slug: string;
        published: string;
        pinned: string;
        premium: string;
        cafe: string;
        feeds: string;
        items: string;
        fetched: string;
      }>(
        db.adminUrl,
        `select t.slug,
                (select count(*) from news_articles a where a.tenant_id = t.id and a.status = 'published' and a.publish_at <= now()) as published,
                (select count(*) from news_articles a where a.tenant_id = t.id and a.pinned) as pinned,
                (select count(*) from news_articles a where a.tenant_id = t.id and a.title ilike '%mantelzorgpremie%') as premium,
                (select count(*) from news_articles a where a.tenant_id = t.id and a.title ilike '%seizoen%mantelzorgcaf%') as cafe,
                (select count(*) from news_feeds f where f.tenant_id = t.id) as feeds,
                (select count(*) from news_feed_items i where i.tenant_id = t.id and not i.hidden) as items,
                (select count(*) from news_feeds f where f.tenant_id = t.id
                   and f.last_success_at < now() and f.next_fetch_at <= now() and f.failures = 0) as fetched
           from tenants t order by t.slug`,
      );
      const [general] = await queryAs<{
        articles: string;
        planned: string;
        themes: string;
        feeds: string;
        feedsWithItems: string;
        names: string[];
      }>(
        db.adminUrl,
        `select (select count(*) from general_articles where status = 'published' and publish_at <= now()) as articles,
                (select count(*) from general_articles where status = 'published' and publish_at > now()) as planned,
                (select count(*) from general_articles where title ~* 'zorgbudget|respijtzorg|verlof voor mantelzorg') as themes,
                (select count(*) from general_feeds where last_success_at < now()) as feeds,
                (select count(distinct feed_id) from general_feed_items) as "feedsWithItems",
                (select array_agg(name order by name) from general_feeds) as names`,
      );
      // Every article and item has its address in the one namespace, with its hub (null: general).
      const [unclaimed] = await queryAs<{ n: string }>(
        db.adminUrl,
        `select count(*) as n from (
           select tenant_id as hub, slug from news_articles
           union all select tenant_id, slug from news_feed_items
           union all select null, slug from general_articles
           union all select null, slug from general_feed_items
         ) x
         where not exists (select 1 from news_slugs s
                            where s.slug = x.slug and s.hub_tenant_id is not distinct from x.hub)`,
      );
      const [slugs] = await queryAs<{ n: string }>(
        db.adminUrl,
        'select count(*) as n from news_slugs',
      );
      return { hubs, general, unclaimed: unclaimed.n, slugs: slugs.n };
    };
    const first = await read();
    expect(first.hubs.length).toBe(4);
    for (const hub of first.hubs)
      expect(hub).toEqual({
        slug: hub.slug,
        published: '3',
        pinned: '1',
        premium: '1',
        cafe: '1',
        feeds: '1',
        items: '3',
        fetched: '1',
      });
    expect(first.general).toEqual({
      articles: '3',
      planned: '1',
      themes: '3',
      feeds: '4',
      feedsWithItems: '4',
      names: ['CM', 'Departement Zorg', 'Samana', 'Vlaams Mantelzorgplatform'],
    });
    expect(first.unclaimed).toBe('0');
    // The sanitizer ran on the demo's feed HTML too.
    const scripts = await queryAs<{ n: string }>(
      db.adminUrl,
      `select count(*) as n from general_feed_items where content ~* '<script|<img|javascript:'`,
    );
    expect(scripts[0].n).toBe('0');
    await seedDemoData(db.appUrl, 'development');
    expect(await read()).toEqual(first);
  });
});
