import { createTestDatabase, queryAs, TestDatabase } from '../../test/support/database';
import {
  DEMO_GENERAL_GUIDE_PAGES,
  DEMO_HUB_GUIDES,
  DEMO_PREMIUM_PAGE_SLUG,
} from '../guide/seed/demo-guide';
import { seedDemoData } from './seed';

// Against the real database (a clone of the migrated template), as the app role.
describe('demo guide', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('gives the platform its general pages (one shows the premium) and every hub its local parts, own pages, premium and care organisations; once', async () => {
    await seedDemoData(db.appUrl, 'development');
    const read = async () => ({
      general: await queryAs<{ slug: string; shows_premium: boolean; due: boolean }>(
        db.adminUrl,
        `select slug, shows_premium, review_due_on > reviewed_on as due
           from general_guide_pages where status = 'published' order by slug`,
      ),
      hubs: await queryAs<{
        slug: string;
        parts: string;
        pages: string;
        premium: string | null;
        organisations: string;
      }>(
        db.adminUrl,
        `select t.slug,
                (select count(*) from guide_local_parts p where p.tenant_id = t.id) as parts,
                (select count(*) from guide_pages g where g.tenant_id = t.id and g.status = 'published') as pages,
                (select count(*) from care_organisations o where o.tenant_id = t.id) as organisations,
                (select case when c.offered then c.amount_cents::text || '/' || c.period else 'geen' end
                   from caregiver_premiums c where c.tenant_id = t.id) as premium
           from tenants t order by t.slug`,
      ),
    });
    const first = await read();
    expect(first.general).toHaveLength(DEMO_GENERAL_GUIDE_PAGES.length);
    expect(first.general.filter((p) => p.shows_premium).map((p) => p.slug)).toEqual([
      DEMO_PREMIUM_PAGE_SLUG,
    ]);
    expect(first.general.every((p) => p.due)).toBe(true);
    expect(first.hubs).toHaveLength(4);
    for (const hub of first.hubs) {
      const demo = DEMO_HUB_GUIDES[hub.slug as keyof typeof DEMO_HUB_GUIDES];
      expect(hub).toEqual({
        slug: hub.slug,
        parts: String(demo.localParts.length),
        pages: String(demo.localPages.length),
        organisations: String(demo.organisations.length),
        premium: demo.premium
          ? demo.premium.offered
            ? `${demo.premium.amountCents}/${demo.premium.period}`
            : 'geen'
          : null,
      });
    }
    expect(first.hubs.find((h) => h.slug === 'poperinge')!.premium).toBe('2500/maand');
    // a second run adds nothing
    await seedDemoData(db.appUrl, 'development');
    expect(await read()).toEqual(first);
  });
});
