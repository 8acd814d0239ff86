import { MigrationInterface, QueryRunner } from 'typeorm';

// ON DELETE SET NULL on a composite key names only the non-tenant column (PostgreSQL 15+).
export class Cafes1764000000000 implements MigrationInterface {
  name = 'Cafes1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cafes" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(80) NOT NULL, "name" character varying(120) NOT NULL, "description" text NOT NULL DEFAULT '', "venue_name" character varying(120) NOT NULL DEFAULT '', "venue_address" character varying(300) NOT NULL DEFAULT '', "venue_directions" text NOT NULL DEFAULT '', "step_free" boolean NOT NULL DEFAULT false, "accessible_toilet" boolean NOT NULL DEFAULT false, "parking" boolean NOT NULL DEFAULT false, "contact_name" character varying(80), "contact_phone" character varying(40), "contact_email" character varying(254), "photo_file_id" uuid, "recurrence_rule" character varying(300), "rule_starts_on" date, "start_time" character varying(5) NOT NULL DEFAULT '14:00', "duration_minutes" integer NOT NULL DEFAULT '120', "time_zone" character varying(40) NOT NULL DEFAULT 'Europe/Brussels', "default_capacity" integer NOT NULL DEFAULT '20', "reminder_offsets" integer array NOT NULL DEFAULT '{10080,1440}', "status" character varying(20) NOT NULL DEFAULT 'active', CONSTRAINT "uq_cafes_slug" UNIQUE ("tenant_id", "slug"), CONSTRAINT "PK_9bc21348e4f522ae001fc1960ef" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cafe_follows" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "cafe_id" uuid NOT NULL, "membership_id" uuid NOT NULL, "reminders" character varying(20) NOT NULL DEFAULT 'default', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_cafe_follows_member" UNIQUE ("tenant_id", "cafe_id", "membership_id"), CONSTRAINT "PK_174e6763a506dd91e8fdb1de8a8" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cafe_hosts" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "cafe_id" uuid NOT NULL, "membership_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_cafe_hosts_member" UNIQUE ("tenant_id", "cafe_id", "membership_id"), CONSTRAINT "PK_5616e4b1e8172e247828b196cf1" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "wishes" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "cafe_id" uuid NOT NULL, "membership_id" uuid, "kind" character varying(20) NOT NULL, "text" character varying(300) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'open', "meeting_id" uuid, CONSTRAINT "PK_b69ea4cdaab6f132ee00ca3cda5" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "meetings" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "cafe_id" uuid NOT NULL, "key" character varying(16) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "occurrence_at" TIMESTAMP WITH TIME ZONE, "theme" character varying(200), "speaker" character varying(120), "speaker_expertise" character varying(200), "description" text NOT NULL DEFAULT '', "capacity" integer NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'scheduled', "generated_from_rule" boolean NOT NULL DEFAULT false, "edited" boolean NOT NULL DEFAULT false, "sequence" integer NOT NULL DEFAULT '0', "wish_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_meetings_occurrence" UNIQUE ("tenant_id", "cafe_id", "occurrence_at"), CONSTRAINT "uq_meetings_key" UNIQUE ("tenant_id", "cafe_id", "key"), CONSTRAINT "PK_d4e93a4d8d5ed127b9fbff9ab20" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_meetings_starts_at" ON "meetings"  ("tenant_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "signups" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "membership_id" uuid NOT NULL, "companions" integer NOT NULL DEFAULT '0', "needs_respite" boolean NOT NULL DEFAULT false, "needs_transport" boolean NOT NULL DEFAULT false, "needs_other" character varying(500), "status" character varying(20) NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_signups_member" UNIQUE ("tenant_id", "meeting_id", "membership_id"), CONSTRAINT "PK_47c25b1cb38d11e230ae93dcb26" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_signups_queue" ON "signups"  ("tenant_id", "meeting_id", "status", "queued_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "wish_votes" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "wish_id" uuid NOT NULL, "membership_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_wish_votes_member" UNIQUE ("tenant_id", "wish_id", "membership_id"), CONSTRAINT "PK_00a7d7a3a95e17cd5aa0a7c8c04" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD "cafe_reminders" character varying(20) NOT NULL DEFAULT 'all'`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafes" ADD CONSTRAINT "fk_cafes_photo" FOREIGN KEY ("tenant_id", "photo_file_id") REFERENCES "files"("tenant_id","id") ON DELETE SET NULL (photo_file_id) ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafes" ADD CONSTRAINT "fk_cafes_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_follows" ADD CONSTRAINT "fk_cafe_follows_membership" FOREIGN KEY ("tenant_id", "membership_id") REFERENCES "memberships"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_follows" ADD CONSTRAINT "fk_cafe_follows_cafe" FOREIGN KEY ("tenant_id", "cafe_id") REFERENCES "cafes"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_follows" ADD CONSTRAINT "fk_cafe_follows_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_hosts" ADD CONSTRAINT "fk_cafe_hosts_membership" FOREIGN KEY ("tenant_id", "membership_id") REFERENCES "memberships"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_hosts" ADD CONSTRAINT "fk_cafe_hosts_cafe" FOREIGN KEY ("tenant_id", "cafe_id") REFERENCES "cafes"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cafe_hosts" ADD CONSTRAINT "fk_cafe_hosts_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wishes" ADD CONSTRAINT "fk_wishes_meeting" FOREIGN KEY ("tenant_id", "meeting_id") REFERENCES "meetings"("tenant_id","id") ON DELETE SET NULL (meeting_id) ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wishes" ADD CONSTRAINT "fk_wishes_membership" FOREIGN KEY ("tenant_id", "membership_id") REFERENCES "memberships"("tenant_id","id") ON DELETE SET NULL (membership_id) ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wishes" ADD CONSTRAINT "fk_wishes_cafe" FOREIGN KEY ("tenant_id", "cafe_id") REFERENCES "cafes"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wishes" ADD CONSTRAINT "fk_wishes_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "fk_meetings_wish" FOREIGN KEY ("tenant_id", "wish_id") REFERENCES "wishes"("tenant_id","id") ON DELETE SET NULL (wish_id) ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "fk_meetings_cafe" FOREIGN KEY ("tenant_id", "cafe_id") REFERENCES "cafes"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "fk_meetings_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signups" ADD CONSTRAINT "fk_signups_membership" FOREIGN KEY ("tenant_id", "membership_id") REFERENCES "memberships"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signups" ADD CONSTRAINT "fk_signups_meeting" FOREIGN KEY ("tenant_id", "meeting_id") REFERENCES "meetings"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signups" ADD CONSTRAINT "fk_signups_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wish_votes" ADD CONSTRAINT "fk_wish_votes_membership" FOREIGN KEY ("tenant_id", "membership_id") REFERENCES "memberships"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wish_votes" ADD CONSTRAINT "fk_wish_votes_wish" FOREIGN KEY ("tenant_id", "wish_id") REFERENCES "wishes"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wish_votes" ADD CONSTRAINT "fk_wish_votes_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "wish_votes" DROP CONSTRAINT "fk_wish_votes_tenant"`);
    await queryRunner.query(`ALTER TABLE "wish_votes" DROP CONSTRAINT "fk_wish_votes_wish"`);
    await queryRunner.query(`ALTER TABLE "wish_votes" DROP CONSTRAINT "fk_wish_votes_membership"`);
    await queryRunner.query(`ALTER TABLE "signups" DROP CONSTRAINT "fk_signups_tenant"`);
    await queryRunner.query(`ALTER TABLE "signups" DROP CONSTRAINT "fk_signups_meeting"`);
    await queryRunner.query(`ALTER TABLE "signups" DROP CONSTRAINT "fk_signups_membership"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_tenant"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_cafe"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_wish"`);
    await queryRunner.query(`ALTER TABLE "wishes" DROP CONSTRAINT "fk_wishes_tenant"`);
    await queryRunner.query(`ALTER TABLE "wishes" DROP CONSTRAINT "fk_wishes_cafe"`);
    await queryRunner.query(`ALTER TABLE "wishes" DROP CONSTRAINT "fk_wishes_membership"`);
    await queryRunner.query(`ALTER TABLE "wishes" DROP CONSTRAINT "fk_wishes_meeting"`);
    await queryRunner.query(`ALTER TABLE "cafe_hosts" DROP CONSTRAINT "fk_cafe_hosts_tenant"`);
    await queryRunner.query(`ALTER TABLE "cafe_hosts" DROP CONSTRAINT "fk_cafe_hosts_cafe"`);
    await queryRunner.query(`ALTER TABLE "cafe_hosts" DROP CONSTRAINT "fk_cafe_hosts_membership"`);
    await queryRunner.query(`ALTER TABLE "cafe_follows" DROP CONSTRAINT "fk_cafe_follows_tenant"`);
    await queryRunner.query(`ALTER TABLE "cafe_follows" DROP CONSTRAINT "fk_cafe_follows_cafe"`);
    await queryRunner.query(
      `ALTER TABLE "cafe_follows" DROP CONSTRAINT "fk_cafe_follows_membership"`,
    );
    await queryRunner.query(`ALTER TABLE "cafes" DROP CONSTRAINT "fk_cafes_tenant"`);
    await queryRunner.query(`ALTER TABLE "cafes" DROP CONSTRAINT "fk_cafes_photo"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP COLUMN "cafe_reminders"`);
    await queryRunner.query(`DROP TABLE "wish_votes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_signups_queue"`);
    await queryRunner.query(`DROP TABLE "signups"`);
    await queryRunner.query(`DROP INDEX "public"."ix_meetings_starts_at"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TABLE "wishes"`);
    await queryRunner.query(`DROP TABLE "cafe_hosts"`);
    await queryRunner.query(`DROP TABLE "cafe_follows"`);
    await queryRunner.query(`DROP TABLE "cafes"`);
  }
}
