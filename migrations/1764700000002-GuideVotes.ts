import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRls, enableTenantRls } from '../src/database/rls';

// "Was dit nuttig?" answers: about a general page (global, with the hub it was given on) and about
// a hub's own page (tenant-owned, RLS). One row per visitor, page and day (the voter hash).

export class GuideVotes1764700000002 implements MigrationInterface {
  name = 'GuideVotes1764700000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "general_guide_votes" ("page_id" uuid NOT NULL, "day" date NOT NULL, "voter_hash" character(64) NOT NULL, "useful" boolean NOT NULL, "comment" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "hub_tenant_id" uuid NOT NULL, CONSTRAINT "uq_general_guide_votes_voter" UNIQUE ("page_id", "hub_tenant_id", "day", "voter_hash"), CONSTRAINT "PK_971cd13f9745c9c5e918d685a67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_general_guide_votes_hub" ON "general_guide_votes"  ("hub_tenant_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "guide_votes" ("page_id" uuid NOT NULL, "day" date NOT NULL, "voter_hash" character(64) NOT NULL, "useful" boolean NOT NULL, "comment" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "uq_guide_votes_voter" UNIQUE ("tenant_id", "page_id", "day", "voter_hash"), CONSTRAINT "PK_876ebef6f96c39be011cf4f798d" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "general_guide_votes" ADD CONSTRAINT "fk_general_guide_votes_hub" FOREIGN KEY ("hub_tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "general_guide_votes" ADD CONSTRAINT "fk_general_guide_votes_page" FOREIGN KEY ("page_id") REFERENCES "general_guide_pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_votes" ADD CONSTRAINT "fk_guide_votes_page" FOREIGN KEY ("tenant_id", "page_id") REFERENCES "guide_pages"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await enableTenantRls(queryRunner, 'guide_votes');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantRls(queryRunner, 'guide_votes');
    await queryRunner.query(`ALTER TABLE "guide_votes" DROP CONSTRAINT "fk_guide_votes_page"`);
    await queryRunner.query(
      `ALTER TABLE "general_guide_votes" DROP CONSTRAINT "fk_general_guide_votes_page"`,
    );
    await queryRunner.query(
      `ALTER TABLE "general_guide_votes" DROP CONSTRAINT "fk_general_guide_votes_hub"`,
    );
    await queryRunner.query(`DROP TABLE "guide_votes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_general_guide_votes_hub"`);
    await queryRunner.query(`DROP TABLE "general_guide_votes"`);
  }
}
