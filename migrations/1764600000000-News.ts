import { MigrationInterface, QueryRunner } from 'typeorm';

// News: local articles, feeds and items (tenant-owned), general ones (global), and the one
// namespace of their slugs (news_slugs). ON DELETE SET NULL on a composite key names only the
// non-tenant column (PostgreSQL 15+).

export class News1764600000000 implements MigrationInterface {
  name = 'News1764600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "general_articles" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" character varying(120) NOT NULL, "title" character varying(160) NOT NULL, "summary" text NOT NULL DEFAULT '', "body" text NOT NULL DEFAULT '', "image_file_id" uuid, "image_alt" character varying(200), "publish_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "pinned" boolean NOT NULL DEFAULT false, "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "uq_general_articles_slug" UNIQUE ("slug"), CONSTRAINT "PK_eb27289a857bf7aec5aa3f9e178" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_general_articles_published" ON "general_articles"  ("status", "publish_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "general_feeds" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "url" character varying(2000) NOT NULL, "host" character varying(255) NOT NULL, "name" character varying(160) NOT NULL, "refresh_minutes" integer NOT NULL DEFAULT '60', "enabled" boolean NOT NULL DEFAULT true, "show_full" boolean NOT NULL DEFAULT false, "etag" character varying(500), "last_modified" character varying(100), "next_fetch_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "hinted_minutes" integer, "failures" integer NOT NULL DEFAULT '0', "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(40), "last_error_detail" character varying(200), "last_error_at" TIMESTAMP WITH TIME ZONE, "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "PK_7899487aa1a4b14e4ea9ac06464" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_general_feeds_due" ON "general_feeds"  ("next_fetch_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "general_feed_items" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "feed_id" uuid NOT NULL, "guid_hash" character(64) NOT NULL, "link" character varying(2000), "title" character varying(300) NOT NULL, "summary" text NOT NULL DEFAULT '', "content" text NOT NULL DEFAULT '', "content_hash" character(64) NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "slug" character varying(120) NOT NULL, "hidden" boolean NOT NULL DEFAULT false, "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "uq_general_feed_items_slug" UNIQUE ("slug"), CONSTRAINT "uq_general_feed_items_guid" UNIQUE ("feed_id", "guid_hash"), CONSTRAINT "PK_d2f64b5184f5c6fd3645b9f0008" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_general_feed_items_published" ON "general_feed_items"  ("published_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "news_articles" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" character varying(120) NOT NULL, "title" character varying(160) NOT NULL, "summary" text NOT NULL DEFAULT '', "body" text NOT NULL DEFAULT '', "image_file_id" uuid, "image_alt" character varying(200), "publish_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "pinned" boolean NOT NULL DEFAULT false, "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "author_membership_id" uuid, CONSTRAINT "uq_news_articles_slug" UNIQUE ("tenant_id", "slug"), CONSTRAINT "PK_93f61c7a476ac0aea96e8c9b2c1" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_news_articles_author" ON "news_articles"  ("tenant_id", "author_membership_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_news_articles_published" ON "news_articles"  ("tenant_id", "status", "publish_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "news_feeds" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "url" character varying(2000) NOT NULL, "host" character varying(255) NOT NULL, "name" character varying(160) NOT NULL, "refresh_minutes" integer NOT NULL DEFAULT '60', "enabled" boolean NOT NULL DEFAULT true, "show_full" boolean NOT NULL DEFAULT false, "etag" character varying(500), "last_modified" character varying(100), "next_fetch_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "hinted_minutes" integer, "failures" integer NOT NULL DEFAULT '0', "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(40), "last_error_detail" character varying(200), "last_error_at" TIMESTAMP WITH TIME ZONE, "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "PK_09099a8b881febb24da119a4836" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_news_feeds_due" ON "news_feeds"  ("tenant_id", "next_fetch_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "news_feed_items" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "feed_id" uuid NOT NULL, "guid_hash" character(64) NOT NULL, "link" character varying(2000), "title" character varying(300) NOT NULL, "summary" text NOT NULL DEFAULT '', "content" text NOT NULL DEFAULT '', "content_hash" character(64) NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "slug" character varying(120) NOT NULL, "hidden" boolean NOT NULL DEFAULT false, "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "uq_news_feed_items_slug" UNIQUE ("tenant_id", "slug"), CONSTRAINT "uq_news_feed_items_guid" UNIQUE ("tenant_id", "feed_id", "guid_hash"), CONSTRAINT "PK_348e3c9a9bc088175fc6fac958e" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_news_feed_items_published" ON "news_feed_items"  ("tenant_id", "published_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "news_slugs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hub_tenant_id" uuid, "slug" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_news_slugs_hub_slug" UNIQUE ("hub_tenant_id", "slug"), CONSTRAINT "PK_20d7ce2db753750d1f22e231ca5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_news_slugs_slug" ON "news_slugs"  ("slug") `);
    await queryRunner.query(
      `ALTER TABLE "general_articles" ADD CONSTRAINT "fk_general_articles_image" FOREIGN KEY ("image_file_id") REFERENCES "platform_files"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "general_feed_items" ADD CONSTRAINT "fk_general_feed_items_feed" FOREIGN KEY ("feed_id") REFERENCES "general_feeds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "news_articles" ADD CONSTRAINT "fk_news_articles_author" FOREIGN KEY ("tenant_id", "author_membership_id") REFERENCES "memberships"("tenant_id","id") ON DELETE SET NULL (author_membership_id) ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "news_articles" ADD CONSTRAINT "fk_news_articles_image" FOREIGN KEY ("tenant_id", "image_file_id") REFERENCES "files"("tenant_id","id") ON DELETE SET NULL (image_file_id) ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "news_articles" ADD CONSTRAINT "fk_news_articles_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "news_feeds" ADD CONSTRAINT "fk_news_feeds_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "news_feed_items" ADD CONSTRAINT "fk_news_feed_items_feed" FOREIGN KEY ("tenant_id", "feed_id") REFERENCES "news_feeds"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "news_feed_items" ADD CONSTRAINT "fk_news_feed_items_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "news_slugs" ADD CONSTRAINT "fk_news_slugs_hub" FOREIGN KEY ("hub_tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "news_slugs" DROP CONSTRAINT "fk_news_slugs_hub"`);
    await queryRunner.query(
      `ALTER TABLE "news_feed_items" DROP CONSTRAINT "fk_news_feed_items_tenant"`,
    );
    await queryRunner.query(
      `ALTER TABLE "news_feed_items" DROP CONSTRAINT "fk_news_feed_items_feed"`,
    );
    await queryRunner.query(`ALTER TABLE "news_feeds" DROP CONSTRAINT "fk_news_feeds_tenant"`);
    await queryRunner.query(
      `ALTER TABLE "news_articles" DROP CONSTRAINT "fk_news_articles_tenant"`,
    );
    await queryRunner.query(`ALTER TABLE "news_articles" DROP CONSTRAINT "fk_news_articles_image"`);
    await queryRunner.query(
      `ALTER TABLE "news_articles" DROP CONSTRAINT "fk_news_articles_author"`,
    );
    await queryRunner.query(
      `ALTER TABLE "general_feed_items" DROP CONSTRAINT "fk_general_feed_items_feed"`,
    );
    await queryRunner.query(
      `ALTER TABLE "general_articles" DROP CONSTRAINT "fk_general_articles_image"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_news_slugs_slug"`);
    await queryRunner.query(`DROP TABLE "news_slugs"`);
    await queryRunner.query(`DROP INDEX "public"."ix_news_feed_items_published"`);
    await queryRunner.query(`DROP TABLE "news_feed_items"`);
    await queryRunner.query(`DROP INDEX "public"."ix_news_feeds_due"`);
    await queryRunner.query(`DROP TABLE "news_feeds"`);
    await queryRunner.query(`DROP INDEX "public"."ix_news_articles_published"`);
    await queryRunner.query(`DROP INDEX "public"."ix_news_articles_author"`);
    await queryRunner.query(`DROP TABLE "news_articles"`);
    await queryRunner.query(`DROP INDEX "public"."ix_general_feed_items_published"`);
    await queryRunner.query(`DROP TABLE "general_feed_items"`);
    await queryRunner.query(`DROP INDEX "public"."ix_general_feeds_due"`);
    await queryRunner.query(`DROP TABLE "general_feeds"`);
    await queryRunner.query(`DROP INDEX "public"."ix_general_articles_published"`);
    await queryRunner.query(`DROP TABLE "general_articles"`);
  }
}
