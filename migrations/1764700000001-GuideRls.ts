import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRls, enableTenantRls } from '../src/database/rls';

/** Row-level security on the Wegwijzer's tenant tables (general_guide_pages is global). */
const TENANT_TABLES = [
  'guide_pages',
  'guide_local_parts',
  'caregiver_premiums',
];

export class GuideRls1764700000001 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await enableTenantRls(q, table);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await disableTenantRls(q, table);
  }
}
