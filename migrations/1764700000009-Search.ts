import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRls, enableTenantRls } from '../src/database/rls';

/**
 * Search (issue 12): a hub's index (`search_documents`, RLS) and the global one every hub reads
 * with it (`general_search_documents`: general news, general guide pages). Each content table
 * keeps its rows there itself, by trigger, in the transaction that changes the content: an item
 * saved, unpublished or deleted is found or gone at once, whichever code path wrote it (a form, a
 * CSV import, a feed refresh, the demo seed). One `search_reindex_<source>(tenant, id)` per
 * source says what is found of it (published only, with its audiences and its page); the index's
 * own trigger computes the folded title and the `tsvector` (Dutch stemmer after unaccent).
 * Existing content is indexed at the end (the one-off backfill).
 */

/** Per source: the content table, the column of the item's id, and the reindex function's SQL. */
const HUB_SOURCES: { table: string; keyColumn?: string; fn: string; sql: string }[] = [
  {
    table: 'activities',
    fn: 'search_reindex_activity',
    sql: `INSERT INTO search_documents (tenant_id, source, key, title, body, url, audiences, ends_at)
      SELECT a.tenant_id, 'activity', a.id::text, a.title,
             concat_ws(' ', a.description, a.venue_name, a.venue_address, a.organiser_name, o.name),
             '/kalender/' || a.slug, a.audiences,
             (CASE WHEN a.recurrence_rule IS NULL THEN a.starts_on + 1
                   WHEN a.ends_on IS NOT NULL THEN a.ends_on + 1 END)::timestamp AT TIME ZONE 'Europe/Brussels'
        FROM activities a
        LEFT JOIN care_organisations o ON o.tenant_id = a.tenant_id AND o.id = a.organisation_id
       WHERE a.tenant_id = t AND a.id = k AND a.status = 'published'`,
  },
  {
    table: 'cafes',
    fn: 'search_reindex_cafe',
    sql: `INSERT INTO search_documents (tenant_id, source, key, title, body, url, audiences)
      SELECT c.tenant_id, 'cafe', c.id::text, c.name,
             concat_ws(' ', 'Mantelzorgcafé', c.description, c.venue_name, c.venue_address),
             '/cafes/' || c.slug, '{caregiver}'
        FROM cafes c WHERE c.tenant_id = t AND c.id = k AND c.status = 'active'`,
  },
  {
    table: 'courses',
    fn: 'search_reindex_course',
    sql: `INSERT INTO search_documents (tenant_id, source, key, title, body, url, audiences, ends_at)
      SELECT c.tenant_id, 'course', c.id::text, c.title,
             concat_ws(' ', c.summary, c.learning_goals, c.trainer_name, c.trainer_organisation,
                       c.venue_name, c.venue_address),
             '/academie/' || c.slug, c.audiences,
             (SELECT max(s.ends_at) FROM course_sessions s WHERE s.tenant_id = c.tenant_id AND s.course_id = c.id)
        FROM courses c WHERE c.tenant_id = t AND c.id = k AND c.status = 'published'`,
  },
  { table: 'course_sessions', keyColumn: 'course_id', fn: 'search_reindex_course', sql: '' },
  {
    table: 'care_organisations',
    fn: 'search_reindex_organisation',
    sql: `INSERT INTO search_documents (tenant_id, source, key, title, body, url, audiences)
      SELECT o.tenant_id, 'organisation', o.id::text, o.name,
             concat_ws(' ', o.offer, o.audience, o.address, o.postcode, o.town, o.opening_hours, o.cost),
             '/hulp-in-de-buurt/' || o.id, '{caregiver}'
        FROM care_organisations o WHERE o.tenant_id = t AND o.id = k`,
  },
  {
    table: 'guide_pages',
    fn: 'search_reindex_guide_page',
    sql: `INSERT INTO search_documents (tenant_id, source, key, title, body, url, audiences)
      SELECT g.tenant_id, 'guide-page', g.id::text, g.title, concat_ws(' ', g.answer, g.body),
             '/wegwijzer/lokaal/' || g.slug, '{caregiver}'
        FROM guide_pages g WHERE g.tenant_id = t AND g.id = k AND g.status = 'published'`,
  },
  {
    table: 'news_articles',
    fn: 'search_reindex_news_article',
    sql: `INSERT INTO search_documents (tenant_id, source, key, title, body, url, audiences, visible_from)
      SELECT n.tenant_id, 'news-article', n.id::text, n.title, concat_ws(' ', n.summary, n.body),
             '/nieuws/' || n.slug, '{caregiver}', n.publish_at
        FROM news_articles n WHERE n.tenant_id = t AND n.id = k AND n.status = 'published'`,
  },
  {
    table: 'news_feed_items',
    fn: 'search_reindex_news_item',
    sql: `INSERT INTO search_documents (tenant_id, source, key, title, body, url, audiences)
      SELECT i.tenant_id, 'news-item', i.id::text, left(i.title, 300),
             concat_ws(' ', i.summary, regexp_replace(coalesce(i.content, ''), '<[^>]*>', ' ', 'g')),
             '/nieuws/' || i.slug, '{caregiver}'
        FROM news_feed_items i WHERE i.tenant_id = t AND i.id = k AND NOT i.hidden`,
  },
  {
    table: 'legal_pages',
    fn: 'search_reindex_hub_page',
    sql: `INSERT INTO search_documents (tenant_id, source, key, title, body, url, audiences)
      SELECT p.tenant_id, 'hub-page', p.id::text,
             CASE p.kind WHEN 'privacy' THEN 'Privacyverklaring' ELSE 'Toegankelijkheidsverklaring' END,
             p.body, '/' || p.kind, '{caregiver}'
        FROM legal_pages p WHERE p.tenant_id = t AND p.id = k`,
  },
];

const GENERAL_SOURCES: { table: string; fn: string; sql: string }[] = [
  {
    table: 'general_articles',
    fn: 'search_reindex_general_article',
    sql: `INSERT INTO general_search_documents (source, key, title, body, url, audiences, visible_from)
      SELECT 'general-article', n.id::text, n.title, concat_ws(' ', n.summary, n.body),
             '/nieuws/' || n.slug, '{caregiver}', n.publish_at
        FROM general_articles n WHERE n.id = k AND n.status = 'published'`,
  },
  {
    table: 'general_feed_items',
    fn: 'search_reindex_general_news_item',
    sql: `INSERT INTO general_search_documents (source, key, title, body, url, audiences)
      SELECT 'general-news-item', i.id::text, left(i.title, 300),
             concat_ws(' ', i.summary, regexp_replace(coalesce(i.content, ''), '<[^>]*>', ' ', 'g')),
             '/nieuws/' || i.slug, '{caregiver}'
        FROM general_feed_items i WHERE i.id = k AND NOT i.hidden`,
  },
  {
    table: 'general_guide_pages',
    fn: 'search_reindex_general_guide_page',
    sql: `INSERT INTO general_search_documents (source, key, title, body, url, audiences)
      SELECT 'general-guide-page', g.id::text, g.title, concat_ws(' ', g.answer, g.body),
             '/wegwijzer/' || g.slug, '{caregiver}'
        FROM general_guide_pages g WHERE g.id = k AND g.status = 'published'`,
  },
];

/** The source's name in the index, from its INSERT. */
const sourceOf = (sql: string) => /SELECT [^']*?'([a-z-]+)'/.exec(sql)![1];

export class Search1764700000009 implements MigrationInterface {
  name = 'Search1764700000009';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q('CREATE EXTENSION IF NOT EXISTS unaccent');
    await q('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q('CREATE EXTENSION IF NOT EXISTS btree_gin');
    await q('CREATE TEXT SEARCH CONFIGURATION mzh_dutch (COPY = pg_catalog.dutch)');
    await q(
      `ALTER TEXT SEARCH CONFIGURATION mzh_dutch ALTER MAPPING
         FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, dutch_stem`,
    );
    // unaccent() is not IMMUTABLE; with its dictionary named it is, so titles can be folded in an index.
    await q(
      `CREATE FUNCTION mzh_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
         AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`,
    );
    await queryRunner.query(
      `CREATE TABLE "general_search_documents" ("title" character varying(300) NOT NULL, "title_key" text NOT NULL, "body" text NOT NULL DEFAULT '', "url" character varying(500) NOT NULL, "audiences" text array NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "visible_from" TIMESTAMP WITH TIME ZONE, "document" tsvector NOT NULL, "source" character varying(30) NOT NULL, "key" character varying(100) NOT NULL, CONSTRAINT "PK_c4763f82abe891576714bbe9042" PRIMARY KEY ("source", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "search_documents" ("title" character varying(300) NOT NULL, "title_key" text NOT NULL, "body" text NOT NULL DEFAULT '', "url" character varying(500) NOT NULL, "audiences" text array NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "visible_from" TIMESTAMP WITH TIME ZONE, "document" tsvector NOT NULL, "tenant_id" uuid NOT NULL, "source" character varying(30) NOT NULL, "key" character varying(100) NOT NULL, CONSTRAINT "PK_15a650c3dc36f5e6ca76b42c942" PRIMARY KEY ("tenant_id", "source", "key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "search_documents" ADD CONSTRAINT "fk_search_documents_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await enableTenantRls(queryRunner, 'search_documents');
    // A hub's rows are found through indexes that start with the tenant (btree_gin), so a
    // search reads its own matches, not every row of the hub.
    await q(
      `CREATE INDEX "ix_search_documents_document" ON "search_documents" USING gin ("tenant_id", "document")`,
    );
    await q(
      `CREATE INDEX "ix_search_documents_title_trgm" ON "search_documents" USING gin ("tenant_id", "title_key" gin_trgm_ops)`,
    );
    await q(
      `CREATE INDEX "ix_general_search_documents_document" ON "general_search_documents" USING gin ("document")`,
    );
    await q(
      `CREATE INDEX "ix_general_search_documents_title_trgm" ON "general_search_documents" USING gin ("title_key" gin_trgm_ops)`,
    );
    await q(
      `CREATE FUNCTION search_document_terms() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.title_key := mzh_fold(NEW.title);
         NEW.document := setweight(to_tsvector('mzh_dutch', NEW.title), 'A')
                      || setweight(to_tsvector('mzh_dutch', left(NEW.body, 100000)), 'B');
         RETURN NEW;
       END $$`,
    );
    for (const table of ['search_documents', 'general_search_documents'])
      await q(
        `CREATE TRIGGER search_document_terms BEFORE INSERT OR UPDATE ON "${table}"
           FOR EACH ROW EXECUTE FUNCTION search_document_terms()`,
      );
    // One trigger function for every content table: the row's tenant and item id to the source's reindex.
    await q(
      `CREATE FUNCTION search_index_row() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE rec jsonb;
       BEGIN
         rec := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
         EXECUTE format('SELECT %I($1, $2)', TG_ARGV[0])
           USING (rec->>'tenant_id')::uuid, (rec->>coalesce(TG_ARGV[1], 'id'))::uuid;
         RETURN NULL;
       END $$`,
    );
    for (const source of HUB_SOURCES.filter((s) => s.sql !== ''))
      await q(
        `CREATE FUNCTION ${source.fn}(t uuid, k uuid) RETURNS void LANGUAGE sql AS $$
           DELETE FROM search_documents WHERE tenant_id = t AND source = '${sourceOf(source.sql)}' AND key = k::text;
           ${source.sql};
         $$`,
      );
    for (const source of GENERAL_SOURCES)
      await q(
        `CREATE FUNCTION ${source.fn}(t uuid, k uuid) RETURNS void LANGUAGE sql AS $$
           DELETE FROM general_search_documents WHERE source = '${sourceOf(source.sql)}' AND key = k::text;
           ${source.sql};
         $$`,
      );
    for (const source of [...HUB_SOURCES, ...GENERAL_SOURCES])
      await q(
        `CREATE TRIGGER search_index AFTER INSERT OR UPDATE OR DELETE ON "${source.table}"
           FOR EACH ROW EXECUTE FUNCTION search_index_row('${source.fn}'${
             'keyColumn' in source && source.keyColumn ? `, '${source.keyColumn}'` : ''
           })`,
      );
    // The whole of one hub again (the backfill; the benchmark), inside its tenant context.
    await q(
      `CREATE FUNCTION search_reindex_hub(t uuid) RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM set_config('app.tenant_id', t::text, true);
         ${HUB_SOURCES.filter((s) => s.sql !== '')
           .map((s) => `PERFORM ${s.fn}(t, x.id) FROM ${s.table} x WHERE x.tenant_id = t;`)
           .join('\n         ')}
       END $$`,
    );
    await q(`SELECT search_reindex_hub(id) FROM tenants`);
    await q(`SELECT set_config('app.tenant_id', '', true)`);
    for (const source of GENERAL_SOURCES)
      await q(`SELECT ${source.fn}(null, id) FROM ${source.table}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const source of [...HUB_SOURCES, ...GENERAL_SOURCES])
      await q(`DROP TRIGGER search_index ON "${source.table}"`);
    await q('DROP FUNCTION search_reindex_hub(uuid)');
    for (const fn of new Set([...HUB_SOURCES, ...GENERAL_SOURCES].map((s) => s.fn)))
      await q(`DROP FUNCTION ${fn}(uuid, uuid)`);
    await q('DROP FUNCTION search_index_row()');
    await disableTenantRls(queryRunner, 'search_documents');
    await q('DROP TABLE "search_documents"');
    await q('DROP TABLE "general_search_documents"');
    await q('DROP FUNCTION search_document_terms()');
    await q('DROP FUNCTION mzh_fold(text)');
    await q('DROP TEXT SEARCH CONFIGURATION mzh_dutch');
  }
}
