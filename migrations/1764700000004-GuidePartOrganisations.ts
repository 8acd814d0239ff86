import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRls, enableTenantRls } from '../src/database/rls';

// The organisations of the hub's directory a local part of the guide names (tenant-owned, RLS).

export class GuidePartOrganisations1764700000004 implements MigrationInterface {
  name = 'GuidePartOrganisations1764700000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "guide_local_part_organisations" ("tenant_id" uuid NOT NULL, "local_part_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "PK_0d07150db86d7e5e6d9e5d7cfe7" PRIMARY KEY ("tenant_id", "local_part_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_part_organisations" ADD CONSTRAINT "fk_guide_local_part_organisations_org" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "care_organisations"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_part_organisations" ADD CONSTRAINT "fk_guide_local_part_organisations_part" FOREIGN KEY ("tenant_id", "local_part_id") REFERENCES "guide_local_parts"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await enableTenantRls(queryRunner, 'guide_local_part_organisations');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantRls(queryRunner, 'guide_local_part_organisations');
    await queryRunner.query(
      `ALTER TABLE "guide_local_part_organisations" DROP CONSTRAINT "fk_guide_local_part_organisations_part"`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_part_organisations" DROP CONSTRAINT "fk_guide_local_part_organisations_org"`,
    );
    await queryRunner.query(`DROP TABLE "guide_local_part_organisations"`);
  }
}
