import { MigrationInterface, QueryRunner } from 'typeorm';

// The café finder's read model (global, no RLS: public café fields only, copied from each hub
// in its own tenant transaction by the finder's job; src/cafes/finder).
export class CafeFinder1764700000006 implements MigrationInterface {
  name = 'CafeFinder1764700000006';

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
      `ALTER TABLE "cafe_finder_hubs" ADD CONSTRAINT "fk_cafe_finder_hubs_hub" FOREIGN KEY ("hub_tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_finder_entries" ADD CONSTRAINT "fk_cafe_finder_entries_hub" FOREIGN KEY ("hub_tenant_id") REFERENCES "cafe_finder_hubs"("hub_tenant_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cafe_finder_entries" DROP CONSTRAINT "fk_cafe_finder_entries_hub"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_finder_hubs" DROP CONSTRAINT "fk_cafe_finder_hubs_hub"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_cafe_finder_entries_hub"`);
    await queryRunner.query(`DROP TABLE "cafe_finder_entries"`);
    await queryRunner.query(`DROP TABLE "cafe_finder_hubs"`);
  }
}
