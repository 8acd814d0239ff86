import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRls, enableTenantRls } from '../src/database/rls';

// The professionals who keep a care organisation's entry up to date, and the changes they propose
// (tenant-owned, RLS).
const TENANT_TABLES = ['care_organisation_editors', 'care_organisation_changes'];

export class GuideEditors1764700000005 implements MigrationInterface {
  name = 'GuideEditors1764700000005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "care_organisation_changes" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "proposed_by" uuid, "proposed" jsonb NOT NULL, "previous" jsonb NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ecfec13fe1d2f1e42beed06671c" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_care_organisation_changes_pending" ON "care_organisation_changes"  ("tenant_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "care_organisation_editors" ("tenant_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "membership_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c26576cdb8e0352f3292101dd56" PRIMARY KEY ("tenant_id", "organisation_id", "membership_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisation_changes" ADD CONSTRAINT "fk_care_organisation_changes_decider" FOREIGN KEY ("tenant_id", "decided_by") REFERENCES "memberships"("tenant_id","id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisation_changes" ADD CONSTRAINT "fk_care_organisation_changes_proposer" FOREIGN KEY ("tenant_id", "proposed_by") REFERENCES "memberships"("tenant_id","id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisation_changes" ADD CONSTRAINT "fk_care_organisation_changes_org" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "care_organisations"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisation_editors" ADD CONSTRAINT "fk_care_organisation_editors_membership" FOREIGN KEY ("tenant_id", "membership_id") REFERENCES "memberships"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisation_editors" ADD CONSTRAINT "fk_care_organisation_editors_org" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "care_organisations"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    for (const table of TENANT_TABLES) await enableTenantRls(queryRunner, table);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await disableTenantRls(queryRunner, table);
    await queryRunner.query(
      `ALTER TABLE "care_organisation_editors" DROP CONSTRAINT "fk_care_organisation_editors_org"`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisation_editors" DROP CONSTRAINT "fk_care_organisation_editors_membership"`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisation_changes" DROP CONSTRAINT "fk_care_organisation_changes_org"`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisation_changes" DROP CONSTRAINT "fk_care_organisation_changes_proposer"`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisation_changes" DROP CONSTRAINT "fk_care_organisation_changes_decider"`,
    );
    await queryRunner.query(`DROP TABLE "care_organisation_editors"`);
    await queryRunner.query(`DROP INDEX "public"."ix_care_organisation_changes_pending"`);
    await queryRunner.query(`DROP TABLE "care_organisation_changes"`);
  }
}
