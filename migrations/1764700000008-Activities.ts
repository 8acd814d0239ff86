import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRls, enableTenantRls } from '../src/database/rls';

// The calendar's activities and their dates (tenant-owned, RLS): an address once per hub, one
// row per rule occurrence.

export class Activities1764700000008 implements MigrationInterface {
  name = 'Activities1764700000008';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "activities" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(160) NOT NULL, "slug" character varying(80) NOT NULL, "description" text NOT NULL DEFAULT '', "category" character varying(30) NOT NULL, "audiences" text array NOT NULL, "venue_name" character varying(120) NOT NULL DEFAULT '', "venue_address" character varying(300) NOT NULL DEFAULT '', "online" boolean NOT NULL DEFAULT false, "online_url" character varying(500) NOT NULL DEFAULT '', "step_free" boolean NOT NULL DEFAULT false, "accessible_toilet" boolean NOT NULL DEFAULT false, "parking" boolean NOT NULL DEFAULT false, "organisation_id" uuid, "organiser_name" character varying(150) NOT NULL DEFAULT '', "organiser_contact" character varying(200) NOT NULL DEFAULT '', "organiser_website" character varying(500) NOT NULL DEFAULT '', "cost_cents" integer NOT NULL DEFAULT '0', "registration" character varying(10) NOT NULL DEFAULT 'none', "registration_detail" character varying(500) NOT NULL DEFAULT '', "recurrence_rule" character varying(200), "starts_on" date NOT NULL, "ends_on" date, "all_day" boolean NOT NULL DEFAULT false, "start_time" character varying(5) NOT NULL, "duration_minutes" integer NOT NULL, "status" character varying(20) NOT NULL, "review_comment" text NOT NULL DEFAULT '', "submitted_by" uuid, CONSTRAINT "uq_activities_slug" UNIQUE ("tenant_id", "slug"), CONSTRAINT "PK_387902d4bc4832dff84c7b29382" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_activities_status" ON "activities"  ("tenant_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "activity_occurrences" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "occurrence_at" TIMESTAMP WITH TIME ZONE, "generated_from_rule" boolean NOT NULL DEFAULT true, "edited" boolean NOT NULL DEFAULT false, "status" character varying(20) NOT NULL DEFAULT 'scheduled', "sequence" integer NOT NULL DEFAULT '0', CONSTRAINT "uq_activity_occurrences_occurrence" UNIQUE ("tenant_id", "activity_id", "occurrence_at"), CONSTRAINT "PK_091388c03f560d4fc2d58daa10d" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_activity_occurrences_starts_at" ON "activity_occurrences"  ("tenant_id", "starts_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "activities" ADD CONSTRAINT "fk_activities_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_occurrences" ADD CONSTRAINT "fk_activity_occurrences_activity" FOREIGN KEY ("tenant_id", "activity_id") REFERENCES "activities"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_occurrences" ADD CONSTRAINT "fk_activity_occurrences_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await enableTenantRls(queryRunner, 'activities');
    await enableTenantRls(queryRunner, 'activity_occurrences');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantRls(queryRunner, 'activity_occurrences');
    await disableTenantRls(queryRunner, 'activities');
    await queryRunner.query(
      `ALTER TABLE "activity_occurrences" DROP CONSTRAINT "fk_activity_occurrences_tenant"`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_occurrences" DROP CONSTRAINT "fk_activity_occurrences_activity"`,
    );
    await queryRunner.query(`ALTER TABLE "activities" DROP CONSTRAINT "fk_activities_tenant"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_occurrences_starts_at"`);
    await queryRunner.query(`DROP TABLE "activity_occurrences"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activities_status"`);
    await queryRunner.query(`DROP TABLE "activities"`);
  }
}
