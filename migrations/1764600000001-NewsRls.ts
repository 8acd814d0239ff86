import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRls, enableTenantRls } from '../src/database/rls';

/** Row-level security on the news's tenant tables (general_* and news_slugs are global). */
const TENANT_TABLES = ['news_articles', 'news_feeds', 'news_feed_items'];

export class NewsRls1764600000001 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await enableTenantRls(q, table);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await disableTenantRls(q, table);
  }
}
