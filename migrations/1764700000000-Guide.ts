import { MigrationInterface, QueryRunner } from 'typeorm';

// The Wegwijzer: guide pages (general: global; a hub's own, local parts, votes: tenant-owned), the
// mantelzorgpremie per hub, the directory of care organisations with their editors and proposed
// changes (tenant-owned), and the café finder's read model (global). ON DELETE SET NULL on a
// composite key names only the non-tenant column (PostgreSQL 15+).

export class Guide1764700000000 implements MigrationInterface {
  name = 'Guide1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cafe_finder_hubs" ("hub_tenant_id" uuid NOT NULL, "hub_slug" character varying(63) NOT NULL, "hub_name" character varying(120) NOT NULL, "nis_code" character varying(5), "source_version" character varying(100) NOT NULL, "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5b7d6bf602a85c01a765a329f96" PRIMARY KEY ("hub_tenant_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cafe_finder_entries" ("cafe_id" uuid NOT NULL, "hub_tenant_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "place" character varying(450) NOT NULL DEFAULT '', "step_free" boolean NOT NULL DEFAULT false, "accessible_toilet" boolean NOT NULL DEFAULT false, "parking" boolean NOT NULL DEFAULT false, "next_meeting_at" TIMESTAMP WITH TIME ZONE, "next_theme" character varying(200), "url" character varying(500) NOT NULL, CONSTRAINT "PK_19126911350864f153948827936" PRIMARY KEY ("cafe_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cafe_finder_entries_hub" ON "cafe_finder_entries"  ("hub_tenant_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "care_organisations" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(150) NOT NULL, "name_key" character varying(150) NOT NULL, "kind" character varying(30) NOT NULL, "offer" character varying(300) NOT NULL, "audience" character varying(200) NOT NULL DEFAULT '', "address" character varying(200) NOT NULL DEFAULT '', "postcode" character varying(4) NOT NULL DEFAULT '', "town" character varying(100) NOT NULL DEFAULT '', "phone" character varying(40) NOT NULL DEFAULT '', "email" character varying(254) NOT NULL DEFAULT '', "website" character varying(500) NOT NULL DEFAULT '', "opening_hours" character varying(300) NOT NULL DEFAULT '', "cost" character varying(200) NOT NULL DEFAULT '', "accessibility" character varying(300) NOT NULL DEFAULT '', CONSTRAINT "uq_care_organisations_name" UNIQUE ("tenant_id", "name_key"), CONSTRAINT "PK_0e4950695a06cc41b60d3a1238b" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_care_organisations_kind" ON "care_organisations"  ("tenant_id", "kind", "name") `,
    );
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
      `CREATE TABLE "caregiver_premiums" ("tenant_id" uuid NOT NULL, "offered" boolean NOT NULL, "amount_cents" integer, "period" character varying(10), "conditions" text NOT NULL DEFAULT '', "how_to_apply" text NOT NULL DEFAULT '', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_03fc1ef73215493f4015492b999" PRIMARY KEY ("tenant_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "general_guide_pages" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" character varying(100) NOT NULL, "theme" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "answer" character varying(300) NOT NULL, "body" text NOT NULL DEFAULT '', "status" character varying(12) NOT NULL DEFAULT 'draft', "reviewed_on" date NOT NULL, "review_due_on" date NOT NULL, "related_slugs" character varying(100) array NOT NULL DEFAULT '{}', "id" uuid NOT NULL DEFAULT gen_random_uuid(), "shows_premium" boolean NOT NULL DEFAULT false, CONSTRAINT "uq_general_guide_pages_slug" UNIQUE ("slug"), CONSTRAINT "PK_b818426f1bc23323690b51035a1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_general_guide_pages_theme" ON "general_guide_pages"  ("status", "theme") `,
    );
    await queryRunner.query(
      `CREATE TABLE "general_guide_votes" ("page_id" uuid NOT NULL, "day" date NOT NULL, "voter_hash" character(64) NOT NULL, "useful" boolean NOT NULL, "comment" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "hub_tenant_id" uuid NOT NULL, CONSTRAINT "uq_general_guide_votes_voter" UNIQUE ("page_id", "hub_tenant_id", "day", "voter_hash"), CONSTRAINT "PK_971cd13f9745c9c5e918d685a67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_general_guide_votes_hub" ON "general_guide_votes"  ("hub_tenant_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "guide_local_parts" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "page_id" uuid NOT NULL, "body" text NOT NULL DEFAULT '', CONSTRAINT "uq_guide_local_parts_page" UNIQUE ("tenant_id", "page_id"), CONSTRAINT "PK_b106a0b0502931b8738f0f6a416" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "guide_local_part_organisations" ("tenant_id" uuid NOT NULL, "local_part_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "PK_0d07150db86d7e5e6d9e5d7cfe7" PRIMARY KEY ("tenant_id", "local_part_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "guide_pages" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" character varying(100) NOT NULL, "theme" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "answer" character varying(300) NOT NULL, "body" text NOT NULL DEFAULT '', "status" character varying(12) NOT NULL DEFAULT 'draft', "reviewed_on" date NOT NULL, "review_due_on" date NOT NULL, "related_slugs" character varying(100) array NOT NULL DEFAULT '{}', "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "uq_guide_pages_slug" UNIQUE ("tenant_id", "slug"), CONSTRAINT "PK_0f7cf3f4318aa06906771cf55f9" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_guide_pages_theme" ON "guide_pages"  ("tenant_id", "status", "theme") `,
    );
    await queryRunner.query(
      `CREATE TABLE "guide_votes" ("page_id" uuid NOT NULL, "day" date NOT NULL, "voter_hash" character(64) NOT NULL, "useful" boolean NOT NULL, "comment" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "uq_guide_votes_voter" UNIQUE ("tenant_id", "page_id", "day", "voter_hash"), CONSTRAINT "PK_876ebef6f96c39be011cf4f798d" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_finder_hubs" ADD CONSTRAINT "fk_cafe_finder_hubs_hub" FOREIGN KEY ("hub_tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_finder_entries" ADD CONSTRAINT "fk_cafe_finder_entries_hub" FOREIGN KEY ("hub_tenant_id") REFERENCES "cafe_finder_hubs"("hub_tenant_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisations" ADD CONSTRAINT "fk_care_organisations_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisation_changes" ADD CONSTRAINT "fk_care_organisation_changes_decider" FOREIGN KEY ("tenant_id", "decided_by") REFERENCES "memberships"("tenant_id","id") ON DELETE SET NULL ("decided_by") ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_organisation_changes" ADD CONSTRAINT "fk_care_organisation_changes_proposer" FOREIGN KEY ("tenant_id", "proposed_by") REFERENCES "memberships"("tenant_id","id") ON DELETE SET NULL ("proposed_by") ON UPDATE NO ACTION`,
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
    await queryRunner.query(
      `ALTER TABLE "caregiver_premiums" ADD CONSTRAINT "fk_caregiver_premiums_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "general_guide_votes" ADD CONSTRAINT "fk_general_guide_votes_hub" FOREIGN KEY ("hub_tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "general_guide_votes" ADD CONSTRAINT "fk_general_guide_votes_page" FOREIGN KEY ("page_id") REFERENCES "general_guide_pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_parts" ADD CONSTRAINT "fk_guide_local_parts_page" FOREIGN KEY ("page_id") REFERENCES "general_guide_pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_parts" ADD CONSTRAINT "fk_guide_local_parts_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_part_organisations" ADD CONSTRAINT "fk_guide_local_part_organisations_org" FOREIGN KEY ("tenant_id", "organisation_id") REFERENCES "care_organisations"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_part_organisations" ADD CONSTRAINT "fk_guide_local_part_organisations_part" FOREIGN KEY ("tenant_id", "local_part_id") REFERENCES "guide_local_parts"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_pages" ADD CONSTRAINT "fk_guide_pages_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_votes" ADD CONSTRAINT "fk_guide_votes_page" FOREIGN KEY ("tenant_id", "page_id") REFERENCES "guide_pages"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "guide_votes" DROP CONSTRAINT "fk_guide_votes_page"`);
    await queryRunner.query(`ALTER TABLE "guide_pages" DROP CONSTRAINT "fk_guide_pages_tenant"`);
    await queryRunner.query(
      `ALTER TABLE "guide_local_part_organisations" DROP CONSTRAINT "fk_guide_local_part_organisations_part"`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_part_organisations" DROP CONSTRAINT "fk_guide_local_part_organisations_org"`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_parts" DROP CONSTRAINT "fk_guide_local_parts_tenant"`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_parts" DROP CONSTRAINT "fk_guide_local_parts_page"`,
    );
    await queryRunner.query(
      `ALTER TABLE "general_guide_votes" DROP CONSTRAINT "fk_general_guide_votes_page"`,
    );
    await queryRunner.query(
      `ALTER TABLE "general_guide_votes" DROP CONSTRAINT "fk_general_guide_votes_hub"`,
    );
    await queryRunner.query(
      `ALTER TABLE "caregiver_premiums" DROP CONSTRAINT "fk_caregiver_premiums_tenant"`,
    );
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
    await queryRunner.query(
      `ALTER TABLE "care_organisations" DROP CONSTRAINT "fk_care_organisations_tenant"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_finder_entries" DROP CONSTRAINT "fk_cafe_finder_entries_hub"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_finder_hubs" DROP CONSTRAINT "fk_cafe_finder_hubs_hub"`,
    );
    await queryRunner.query(`DROP TABLE "guide_votes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_guide_pages_theme"`);
    await queryRunner.query(`DROP TABLE "guide_pages"`);
    await queryRunner.query(`DROP TABLE "guide_local_part_organisations"`);
    await queryRunner.query(`DROP TABLE "guide_local_parts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_general_guide_votes_hub"`);
    await queryRunner.query(`DROP TABLE "general_guide_votes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_general_guide_pages_theme"`);
    await queryRunner.query(`DROP TABLE "general_guide_pages"`);
    await queryRunner.query(`DROP TABLE "caregiver_premiums"`);
    await queryRunner.query(`DROP TABLE "care_organisation_editors"`);
    await queryRunner.query(`DROP INDEX "public"."ix_care_organisation_changes_pending"`);
    await queryRunner.query(`DROP TABLE "care_organisation_changes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_care_organisations_kind"`);
    await queryRunner.query(`DROP TABLE "care_organisations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cafe_finder_entries_hub"`);
    await queryRunner.query(`DROP TABLE "cafe_finder_entries"`);
    await queryRunner.query(`DROP TABLE "cafe_finder_hubs"`);
  }
}
