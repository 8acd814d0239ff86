import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRls, enableTenantRls } from '../src/database/rls';

const TENANT_TABLES = [
  'cafes',
  'cafe_hosts',
  'meetings',
  'cafe_follows',
  'signups',
  'wishes',
  'wish_votes',
];

export class CafesRls1764000000001 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await enableTenantRls(q, table);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await disableTenantRls(q, table);
  }
}
