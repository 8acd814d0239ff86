import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763900000001 implements MigrationInterface {
  name = 'Foundation1763900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "users" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" character varying(255), "email_verified_at" TIMESTAMP WITH TIME ZONE, "platform_admin" boolean NOT NULL DEFAULT false, "sessions_valid_after" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "auth_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character varying(64) NOT NULL, "purpose" character varying(10) NOT NULL, "user_id" uuid, "email" character varying(254) NOT NULL, "host_tenant_id" uuid, "role" character varying(20), "display_name" character varying(80), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_41e9ddfbb32da18c4e85e45c2fd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_auth_tokens_hash" ON "auth_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "tenants" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(63) NOT NULL, "name" character varying(120) NOT NULL, "nis_code" character varying(5), "province" character varying(60), "brand_color" character varying(7) NOT NULL DEFAULT '#1d5c8f', "logo_file_id" uuid, "contact_email" character varying(254), "contact_phone" character varying(40), "contact_address" character varying(300), "welcome_text" text NOT NULL DEFAULT '', "status" character varying(12) NOT NULL DEFAULT 'active', CONSTRAINT "PK_53be67a04681c66b87ee27c9321" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tenants_slug" ON "tenants"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "memberships" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "role" character varying(20) NOT NULL DEFAULT 'caregiver', "display_name" character varying(80) NOT NULL, "phone" character varying(40), "terms_accepted_at" TIMESTAMP WITH TIME ZONE, "mail_consent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_memberships_user" UNIQUE ("tenant_id", "user_id"), CONSTRAINT "PK_a45f644207a2d1d3fd36a2c9047" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_memberships_user_id" ON "memberships"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "sessions" ("sid" character varying(64) NOT NULL, "sess" json NOT NULL, "expire" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e2d6172ca19b8ebef797c362b05" PRIMARY KEY ("sid"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sessions_expire" ON "sessions"  ("expire") `);
    await queryRunner.query(
      `CREATE TABLE "files" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "content_type" character varying(60) NOT NULL, "byte_size" integer NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6e760c24b0569ef7d802e9a4136" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("key" character varying(300) NOT NULL, "to_address" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "html" text, "text" text, "headers" jsonb NOT NULL DEFAULT '{}'::jsonb, "attachments" jsonb NOT NULL DEFAULT '[]'::jsonb, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(500), "send_after" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "purged_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "uq_outbox_messages_key" UNIQUE ("tenant_id", "key"), CONSTRAINT "PK_c143ef736a9c9b3459e149cc377" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_messages_pending" ON "outbox_messages"  ("tenant_id", "status", "send_after") `,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_outbox_messages" ("key" character varying(300) NOT NULL, "to_address" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "html" text, "text" text, "headers" jsonb NOT NULL DEFAULT '{}'::jsonb, "attachments" jsonb NOT NULL DEFAULT '[]'::jsonb, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(500), "send_after" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "purged_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "PK_ec3ec1ad57862353acbf0fb27b1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_platform_outbox_messages_pending" ON "platform_outbox_messages"  ("status", "send_after") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_platform_outbox_messages_key" ON "platform_outbox_messages"  ("key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "onboarding_requests" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_name" character varying(120) NOT NULL, "contact_name" character varying(120) NOT NULL, "contact_role" character varying(120) NOT NULL DEFAULT '', "email" character varying(254) NOT NULL, "phone" character varying(40) NOT NULL DEFAULT '', "message" text NOT NULL DEFAULT '', "status" character varying(12) NOT NULL DEFAULT 'new', "handled_at" TIMESTAMP WITH TIME ZONE, "handled_by_user_id" uuid, "created_tenant_id" uuid, CONSTRAINT "PK_ddddb9f1a805840ae5996d9afaf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "legal_pages" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "body" text NOT NULL, CONSTRAINT "uq_legal_pages_kind" UNIQUE ("tenant_id", "kind"), CONSTRAINT "PK_8b84ffb51c81ac5ed272c7fa877" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_tokens" ADD CONSTRAINT "fk_auth_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "files" ADD CONSTRAINT "fk_files_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD CONSTRAINT "fk_outbox_messages_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "legal_pages" ADD CONSTRAINT "fk_legal_pages_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "legal_pages" DROP CONSTRAINT "fk_legal_pages_tenant"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" DROP CONSTRAINT "fk_outbox_messages_tenant"`,
    );
    await queryRunner.query(`ALTER TABLE "files" DROP CONSTRAINT "fk_files_tenant"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_tenant"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_user"`);
    await queryRunner.query(`ALTER TABLE "auth_tokens" DROP CONSTRAINT "fk_auth_tokens_user"`);
    await queryRunner.query(`DROP TABLE "legal_pages"`);
    await queryRunner.query(`DROP TABLE "onboarding_requests"`);
    await queryRunner.query(`DROP INDEX "public"."uq_platform_outbox_messages_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_platform_outbox_messages_pending"`);
    await queryRunner.query(`DROP TABLE "platform_outbox_messages"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_messages_pending"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP TABLE "files"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sessions_expire"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_memberships_user_id"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tenants_slug"`);
    await queryRunner.query(`DROP TABLE "tenants"`);
    await queryRunner.query(`DROP INDEX "public"."uq_auth_tokens_hash"`);
    await queryRunner.query(`DROP TABLE "auth_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
