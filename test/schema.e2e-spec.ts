import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { asTenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { LegalPage } from '../src/tenancy/entities/legal-page.entity';
import { createTestDatabase, queryAs, type TestDatabase } from './support/database';
import {
  checkRowVisibility,
  checkTenantSchema,
  problemsByTable,
  tenantTables,
} from './support/schema-checks';
import { seedTenantPair, type SeededTenant } from './support/tenant-routes';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The data rules, checked against the live catalog and live rows (DESIGN.md "Data rules"). Tenant
 * tables are discovered (every table with tenant_id), so a new feature's table is covered as soon
 * as its migration exists; its seeder in test/support/tenant-routes.ts gives it rows.
 */

const KNOWN_TENANT_TABLES = ['files', 'legal_pages', 'memberships', 'outbox_messages'];

/** Both checks on a seeded app's database, as { table: problems }. */
async function runChecks(t: TestApp, probe: SeededTenant) {
  const schema = problemsByTable(await checkTenantSchema(t.db.adminUrl));
  const rows = problemsByTable(
    await checkRowVisibility({
      adminUrl: t.db.adminUrl,
      roleUrls: { mzh_app: t.db.appUrl, mzh_owner: t.db.ownerUrl },
      probeTenantId: probe.tenant.id,
    }),
  );
  return { schema, rows };
}

describe('schema: the catalog follows the data rules', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('finds the tenant tables from the catalog', async () => {
    const tables = await tenantTables(db.adminUrl);
    expect(tables).toEqual(expect.arrayContaining(KNOWN_TENANT_TABLES));
  });

  it('reports nothing on a freshly migrated database', async () => {
    expect(problemsByTable(await checkTenantSchema(db.adminUrl))).toEqual({});
  });

  it('gives the app and the owner no superuser or BYPASSRLS, and the app owns nothing', async () => {
    const roles = await queryAs<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
      db.adminUrl,
      `select rolname, rolsuper, rolbypassrls from pg_roles where rolname in ('mzh_app', 'mzh_owner') order by 1`,
    );
    expect(roles).toEqual([
      { rolname: 'mzh_app', rolsuper: false, rolbypassrls: false },
      { rolname: 'mzh_owner', rolsuper: false, rolbypassrls: false },
    ]);
    // Nor through membership of another role (mzh_app is NOINHERIT, but SET ROLE would still work).
    const grantedTo = await queryAs<{ role: string }>(
      db.adminUrl,
      `select r.rolname as role from pg_auth_members m join pg_roles r on r.oid = m.roleid
        where m.member = 'mzh_app'::regrole`,
    );
    expect(grantedTo).toEqual([]);
    const owned = await queryAs<{ kind: string; name: string }>(
      db.adminUrl,
      `select 'relation' as kind, relname::text as name from pg_class where relowner = 'mzh_app'::regrole
       union all select 'schema', nspname::text from pg_namespace where nspowner = 'mzh_app'::regrole
       union all select 'function', proname::text from pg_proc where proowner = 'mzh_app'::regrole
       union all select 'type', typname::text from pg_type where typowner = 'mzh_app'::regrole
       union all select 'database', datname::text from pg_database where datdba = 'mzh_app'::regrole`,
    );
    expect(owned).toEqual([]);
    const tenantTableOwners = await queryAs<{ owner: string }>(
      db.adminUrl,
      `select distinct pg_get_userbyid(c.relowner) as owner from pg_class c
         join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')`,
    );
    expect(tenantTableOwners).toEqual([{ owner: 'mzh_owner' }]);
  });
});

describe('schema: zero rows without a tenant, and writes stay in their tenant', () => {
  let t: TestApp;
  let a: SeededTenant;
  let b: SeededTenant;
  beforeAll(async () => {
    t = await createTestApp({ worker: false });
    ({ a, b } = await seedTenantPair(t));
  });
  afterAll(() => t.close());

  it('connects the app as mzh_app', async () => {
    const ds = t.get<DataSource>(getDataSourceToken() as never);
    const [row] = await ds.query(
      `select current_user as "user", (select rolbypassrls from pg_roles where rolname = current_user) as bypass`,
    );
    expect(row).toEqual({ user: 'mzh_app', bypass: false });
  });

  it('has rows of both tenants in every tenant table (so the zero-rows check proves something)', async () => {
    const empty: string[] = [];
    for (const table of await tenantTables(t.db.adminUrl)) {
      const [{ tenants }] = await queryAs<{ tenants: number }>(
        t.db.adminUrl,
        `select count(distinct tenant_id)::int as tenants from "${table}"`,
      );
      if (tenants < 2)
        empty.push(`${table} (${tenants} tenants): add a seeder in test/support/tenant-routes.ts`);
    }
    expect(empty).toEqual([]);
  });

  it('shows mzh_app and mzh_owner zero rows of every tenant table with no tenant set', async () => {
    const { schema, rows } = await runChecks(t, a);
    expect(schema).toEqual({});
    expect(rows).toEqual({});
  });

  it('refuses to write another tenant’s row inside a tenant transaction (42501)', async () => {
    const tx = t.get(TenantTransaction);
    const insert = tx.run(asTenantId(a.tenant.id), (em) =>
      em
        .getRepository(LegalPage)
        .insert({ tenantId: b.tenant.id, kind: 'toegankelijkheid', body: 'x' }),
    );
    await expect(insert).rejects.toMatchObject({ code: '42501' });

    // Moving an own row to another tenant fails the WITH CHECK too.
    const move = tx.run(asTenantId(a.tenant.id), (em) =>
      em.query(`update legal_pages set tenant_id = $1 where id = $2`, [
        b.tenant.id,
        a.ids.legalPageId,
      ]),
    );
    await expect(move).rejects.toMatchObject({ code: '42501' });

    // B's rows are invisible to updates and deletes in A's transaction: nothing changes.
    const [, updated] = await tx.run(asTenantId(a.tenant.id), (em) =>
      em.query(`update legal_pages set body = 'overschreven' where id = $1`, [b.ids.legalPageId]),
    );
    const [, deleted] = await tx.run(asTenantId(a.tenant.id), (em) =>
      em.query(`delete from memberships where id = $1`, [b.ids.membershipId]),
    );
    expect([updated, deleted]).toEqual([0, 0]);
    const [page] = await queryAs<{ body: string }>(
      t.db.adminUrl,
      `select body from legal_pages where id = $1`,
      [b.ids.legalPageId],
    );
    expect(page.body).not.toBe('overschreven');
  });
});

/**
 * The checks can fail: each case breaks one table on purpose, in its own database, and both
 * checks must name exactly that table.
 */
describe('schema: the checks catch a broken table', () => {
  const cases: Array<{
    name: string;
    table: string;
    sql: string[];
    schema: RegExp;
    rows: RegExp | null;
    asOwner?: boolean;
  }> = [
    {
      name: 'policy dropped',
      table: 'legal_pages',
      sql: ['DROP POLICY tenant_isolation ON legal_pages'],
      schema: /no row-level security policy/,
      rows: /mzh_app sees 0 rows inside a tenant transaction/,
    },
    {
      name: 'RLS not forced',
      table: 'legal_pages',
      sql: ['ALTER TABLE legal_pages NO FORCE ROW LEVEL SECURITY'],
      schema: /not forced/,
      rows: /mzh_owner sees \d+ of \d+ rows with no tenant set/,
    },
    {
      name: 'RLS disabled and policy dropped (disableTenantRls)',
      table: 'files',
      sql: [
        'DROP POLICY tenant_isolation ON files',
        'ALTER TABLE files NO FORCE ROW LEVEL SECURITY',
        'ALTER TABLE files DISABLE ROW LEVEL SECURITY',
      ],
      schema: /row-level security is not enabled/,
      rows: /mzh_app sees \d+ of \d+ rows with no tenant set/,
    },
    {
      name: 'an extra permissive policy that lets every row through',
      table: 'outbox_messages',
      sql: ['CREATE POLICY everything ON outbox_messages FOR SELECT USING (true)'],
      schema: /permissive policy everything \(SELECT\) does not reference app.tenant_id/,
      rows: /mzh_app sees \d+ of \d+ rows with no tenant set/,
    },
    {
      name: 'a new tenant table without RLS, tenant keys or rows',
      table: 'broken_items',
      asOwner: true,
      sql: [
        `CREATE TABLE broken_items (tenant_id uuid, id uuid NOT NULL, membership_id uuid NOT NULL,
           code text NOT NULL, PRIMARY KEY (id), CONSTRAINT uq_broken_code UNIQUE (code),
           CONSTRAINT fk_broken_membership FOREIGN KEY (membership_id, tenant_id) REFERENCES memberships (tenant_id, id))`,
        'CREATE UNIQUE INDEX uq_broken_code_id ON broken_items (code, id)',
      ],
      schema: /./,
      rows: /not exercised/,
    },
  ];

  it.each(cases)('$name: both checks name $table and nothing else', async (c) => {
    const t = await createTestApp({ worker: false });
    try {
      const { a } = await seedTenantPair(t);
      for (const sql of c.sql) await queryAs(c.asOwner ? t.db.ownerUrl : t.db.adminUrl, sql);
      const { schema, rows } = await runChecks(t, a);
      expect(Object.keys(schema)).toEqual([c.table]);
      expect(schema[c.table].join('\n')).toMatch(c.schema);
      expect(Object.keys(rows)).toEqual([c.table]);
      expect(rows[c.table].join('\n')).toMatch(c.rows!);
      if (c.table === 'broken_items') {
        expect(schema.broken_items.sort()).toEqual(
          [
            'foreign key fk_broken_membership to tenant table memberships does not include tenant_id → tenant_id',
            'no row-level security policy',
            'primary key broken_items_pkey does not start with tenant_id',
            'row-level security is not enabled',
            'row-level security is not forced (the owner role bypasses it)',
            'tenant_id is nullable',
            'unique constraint uq_broken_code does not start with tenant_id',
            'unique index uq_broken_code_id does not start with tenant_id',
          ].sort(),
        );
      }
    } finally {
      await t.close();
    }
  });
});
