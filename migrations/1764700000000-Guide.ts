import { MigrationInterface, QueryRunner } from 'typeorm';

// The Wegwijzer's information guide: general pages (global, written by the platform's editors),
// a hub's own pages, its local parts under general pages and its mantelzorgpremie (tenant-owned).

export class Guide1764700000000 implements MigrationInterface {
  name = 'Guide1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
      `CREATE TABLE "guide_local_parts" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "page_id" uuid NOT NULL, "body" text NOT NULL DEFAULT '', CONSTRAINT "uq_guide_local_parts_page" UNIQUE ("tenant_id", "page_id"), CONSTRAINT "PK_b106a0b0502931b8738f0f6a416" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "guide_pages" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" character varying(100) NOT NULL, "theme" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "answer" character varying(300) NOT NULL, "body" text NOT NULL DEFAULT '', "status" character varying(12) NOT NULL DEFAULT 'draft', "reviewed_on" date NOT NULL, "review_due_on" date NOT NULL, "related_slugs" character varying(100) array NOT NULL DEFAULT '{}', "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "uq_guide_pages_slug" UNIQUE ("tenant_id", "slug"), CONSTRAINT "PK_0f7cf3f4318aa06906771cf55f9" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_guide_pages_theme" ON "guide_pages"  ("tenant_id", "status", "theme") `,
    );
    await queryRunner.query(
      `ALTER TABLE "caregiver_premiums" ADD CONSTRAINT "fk_caregiver_premiums_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_parts" ADD CONSTRAINT "fk_guide_local_parts_page" FOREIGN KEY ("page_id") REFERENCES "general_guide_pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_parts" ADD CONSTRAINT "fk_guide_local_parts_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_pages" ADD CONSTRAINT "fk_guide_pages_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "guide_pages" DROP CONSTRAINT "fk_guide_pages_tenant"`);
    await queryRunner.query(
      `ALTER TABLE "guide_local_parts" DROP CONSTRAINT "fk_guide_local_parts_tenant"`,
    );
    await queryRunner.query(
      `ALTER TABLE "guide_local_parts" DROP CONSTRAINT "fk_guide_local_parts_page"`,
    );
    await queryRunner.query(
      `ALTER TABLE "caregiver_premiums" DROP CONSTRAINT "fk_caregiver_premiums_tenant"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_guide_pages_theme"`);
    await queryRunner.query(`DROP TABLE "guide_pages"`);
    await queryRunner.query(`DROP TABLE "guide_local_parts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_general_guide_pages_theme"`);
    await queryRunner.query(`DROP TABLE "general_guide_pages"`);
    await queryRunner.query(`DROP TABLE "caregiver_premiums"`);
  }
}
