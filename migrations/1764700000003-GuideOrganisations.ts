import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRls, enableTenantRls } from '../src/database/rls';

// The Wegwijzer's directory of care organisations (tenant-owned, RLS): a name once per hub.

export class GuideOrganisations1764700000003 implements MigrationInterface {
  name = 'GuideOrganisations1764700000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "care_organisations" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(150) NOT NULL, "name_key" character varying(150) NOT NULL, "kind" character varying(30) NOT NULL, "offer" character varying(300) NOT NULL, "audience" character varying(200) NOT NULL DEFAULT '', "address" character varying(200) NOT NULL DEFAULT '', "postcode" character varying(4) NOT NULL DEFAULT '', "town" character varying(100) NOT NULL DEFAULT '', "phone" character varying(40) NOT NULL DEFAULT '', "email" character varying(254) NOT NULL DEFAULT '', "website" character varying(500) NOT NULL DEFAULT '', "opening_hours" character varying(300) NOT NULL DEFAULT '', "cost" character varying(200) NOT NULL DEFAULT '', "accessibility" character varying(300) NOT NULL DEFAULT '', CONSTRAINT "uq_care_organisations_name" UNIQUE ("tenant_id", "name_key"), CONSTRAINT "PK_0e4950695a06cc41b60d3a1238b" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_care_organisations_kind" ON "care_organisations"  ("tenant_id", "kind", "name") `,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisations" ADD CONSTRAINT "fk_care_organisations_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await enableTenantRls(queryRunner, 'care_organisations');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantRls(queryRunner, 'care_organisations');
    await queryRunner.query(
      `ALTER TABLE "care_organisations" DROP CONSTRAINT "fk_care_organisations_tenant"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_care_organisations_kind"`);
    await queryRunner.query(`DROP TABLE "care_organisations"`);
  }
}
