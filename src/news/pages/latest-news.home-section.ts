import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { HomeSectionOf, type HomeSection } from '../../web/home/home-section';
import { homeNews, LATEST_NEWS_ORDER, LATEST_NEWS_PARTIAL, LATEST_NEWS_SQL } from './home-news';
import type { ListedNews } from './news-listing';

/**
 * The home page's three newest visible news items (local and general, the same for every
 * viewer) with a link to /nieuws; none: no section. One indexed statement (LATEST_NEWS_SQL),
 * also run by the benchmark's bare server with the same view model and partial (./home-news.ts).
 */
@Injectable()
@HomeSectionOf({ order: LATEST_NEWS_ORDER, partial: LATEST_NEWS_PARTIAL })
export class LatestNewsHomeSection implements HomeSection {
  constructor(private readonly clock: Clock) {}

  async load(em: EntityManager, tenantId: TenantId) {
    const rows = await em.query<ListedNews[]>(LATEST_NEWS_SQL, [tenantId, this.clock.now()]);
    return homeNews(rows);
  }
}
