import { Client } from 'pg';

/**
 * Checks of the data rules (DESIGN.md "Data rules") against the live catalog. Tenant tables are
 * discovered, never listed: every table in schema `public` with a `tenant_id` column is one, so a
 * feature's new table is checked the moment its migration runs.
 */

export interface TableProblem {
  table: string;
  problem: string;
}

/**
 * The policy predicate as PostgreSQL deparses
 * `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid` (src/database/rls.ts).
 */
export const EXPECTED_POLICY_PREDICATE =
  "(tenant_id = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid)";

const normalise = (sql: string | null): string => (sql ?? '').replace(/\s+/g, ' ').trim();

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every table (ordinary or partitioned) in schema public that has a `tenant_id` column. */
export async function tenantTables(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ table: string }>(
      `select c.relname as "table"
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        where n.nspname = 'public' and c.relkind in ('r', 'p')
        order by c.relname`,
    );
    return rows.map((r) => r.table);
  });
}

/**
 * Reads the catalog (any role may) and reports, per tenant table: RLS not enabled or not forced,
 * no policy that restricts rows to `app.tenant_id` (or a permissive policy that lets more
 * through), `tenant_id` nullable or not a uuid, a primary key that does not start with
 * `tenant_id`, a foreign key to another tenant table that does not carry `tenant_id` to
 * `tenant_id`, a unique constraint or unique index that does not start with `tenant_id`.
 */
export async function checkTenantSchema(url: string): Promise<TableProblem[]> {
  return withClient(url, async (c) => {
    const problems: TableProblem[] = [];
    const report = (table: string, problem: string) => problems.push({ table, problem });

    const { rows: tables } = await c.query<{
      oid: number;
      table: string;
      rls: boolean;
      forced: boolean;
      tenant_attnum: number;
      not_null: boolean;
      type: string;
    }>(
      `select c.oid::int as oid, c.relname as "table", c.relrowsecurity as rls,
              c.relforcerowsecurity as forced, a.attnum::int as tenant_attnum,
              a.attnotnull as not_null, format_type(a.atttypid, a.atttypmod) as type
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        where n.nspname = 'public' and c.relkind in ('r', 'p')
        order by c.relname`,
    );
    const tenantOids = new Map(tables.map((t) => [t.oid, t]));

    const { rows: policies } = await c.query<{
      table: string;
      policyname: string;
      permissive: string;
      cmd: string;
      roles: string[];
      qual: string | null;
      with_check: string | null;
    }>(
      `select tablename as "table", policyname, permissive, cmd, roles::text[] as roles, qual, with_check
         from pg_policies where schemaname = 'public'`,
    );

    const { rows: constraints } = await c.query<{
      name: string;
      conrelid: number;
      confrelid: number;
      contype: string;
      conkey: number[];
      confkey: number[] | null;
      ref_table: string | null;
    }>(
      `select con.conname as name, con.conrelid::int as conrelid, con.confrelid::int as confrelid,
              con.contype::text as contype, con.conkey::int[] as conkey, con.confkey::int[] as confkey,
              ref.relname as ref_table
         from pg_constraint con
         join pg_class c on c.oid = con.conrelid
         join pg_namespace n on n.oid = c.relnamespace
         left join pg_class ref on ref.oid = con.confrelid
        where n.nspname = 'public' and con.contype in ('p', 'f', 'u', 'x')`,
    );

    // Unique indexes made with CREATE UNIQUE INDEX are not constraints; check them too.
    const { rows: uniqueIndexes } = await c.query<{
      name: string;
      indrelid: number;
      keys: number[];
    }>(
      `select i.relname as name, x.indrelid::int as indrelid, x.indkey::int2[]::int[] as keys
         from pg_index x
         join pg_class i on i.oid = x.indexrelid
         join pg_class c on c.oid = x.indrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and x.indisunique and not x.indisprimary
          and not exists (select 1 from pg_constraint con
                           where con.conindid = x.indexrelid and con.conrelid = x.indrelid
                             and con.contype in ('p', 'u', 'x'))`,
    );

    for (const t of tables) {
      if (!t.rls) report(t.table, 'row-level security is not enabled');
      if (!t.forced)
        report(t.table, 'row-level security is not forced (the owner role bypasses it)');
      if (!t.not_null) report(t.table, 'tenant_id is nullable');
      if (t.type !== 'uuid') report(t.table, `tenant_id is ${t.type}, not uuid`);

      const own = policies.filter((p) => p.table === t.table);
      const isTenantPolicy = (p: (typeof own)[number]) =>
        p.permissive === 'PERMISSIVE' &&
        p.cmd === 'ALL' &&
        (p.roles.includes('public') || p.roles.includes('mzh_app')) &&
        normalise(p.qual) === EXPECTED_POLICY_PREDICATE &&
        (p.with_check === null || normalise(p.with_check) === EXPECTED_POLICY_PREDICATE);
      if (!own.some(isTenantPolicy)) {
        report(
          t.table,
          own.length === 0
            ? 'no row-level security policy'
            : 'no policy for all commands with USING and WITH CHECK on app.tenant_id',
        );
      }
      // Permissive policies are OR-ed: any other permissive one may let other tenants' rows through.
      for (const p of own) {
        if (p.permissive === 'PERMISSIVE' && !isTenantPolicy(p)) {
          const mentions = `${p.qual ?? ''} ${p.with_check ?? ''}`.includes('app.tenant_id');
          report(
            t.table,
            `permissive policy ${p.policyname} (${p.cmd}) ${mentions ? 'differs from the tenant predicate' : 'does not reference app.tenant_id'}`,
          );
        }
      }

      const ownConstraints = constraints.filter((con) => con.conrelid === t.oid);
      const pk = ownConstraints.find((con) => con.contype === 'p');
      if (!pk) report(t.table, 'no primary key');
      else if (pk.conkey[0] !== t.tenant_attnum) {
        report(t.table, `primary key ${pk.name} does not start with tenant_id`);
      }
      for (const con of ownConstraints) {
        if ((con.contype === 'u' || con.contype === 'x') && con.conkey[0] !== t.tenant_attnum) {
          report(t.table, `unique constraint ${con.name} does not start with tenant_id`);
        }
        if (con.contype !== 'f') continue;
        const target = tenantOids.get(con.confrelid);
        if (!target) continue; // a global table (tenants, users): fine
        const at = con.conkey.indexOf(t.tenant_attnum);
        if (at < 0 || con.confkey?.[at] !== target.tenant_attnum) {
          report(
            t.table,
            `foreign key ${con.name} to tenant table ${target.table} does not include tenant_id → tenant_id`,
          );
        }
      }
      for (const idx of uniqueIndexes.filter((i) => i.indrelid === t.oid)) {
        if (idx.keys[0] !== t.tenant_attnum) {
          report(t.table, `unique index ${idx.name} does not start with tenant_id`);
        }
      }
    }
    return problems;
  });
}

export interface RowVisibility {
  table: string;
  /** Rows in the table, counted as superuser (no RLS). */
  totalRows: number;
  /** Rows of the tenant used for the positive check, counted as superuser. */
  tenantRows: number;
  /** Problems found; empty when the table behaves. */
  problems: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function countAll(c: Client, tables: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const { rows } = await c.query<{ n: number }>(`select count(*)::int as n from ${quote(table)}`);
    counts.set(table, rows[0].n);
  }
  return counts;
}

/**
 * The zero-rows check: every tenant table, read by the given roles with no tenant set, with
 * `app.tenant_id = ''`, and on a connection whose previous tenant transaction committed, shows 0
 * rows although rows exist. As a positive control (so that "0" does not just mean "no policy
 * admits anything"), the first role sees exactly `probeTenantId`'s rows inside a tenant
 * transaction. A table with no rows at all cannot be checked: it is reported as not exercised.
 *
 * `adminUrl` must be a superuser of the same database (it counts without RLS); `roleUrls` are the
 * roles to check, e.g. { mzh_app: appUrl, mzh_owner: ownerUrl } (FORCE binds the owner too).
 */
export async function checkRowVisibility(options: {
  adminUrl: string;
  roleUrls: Record<string, string>;
  probeTenantId: string;
}): Promise<RowVisibility[]> {
  const tables = await tenantTables(options.adminUrl);
  const { totals, perTenant } = await withClient(options.adminUrl, async (c) => {
    const totals = await countAll(c, tables);
    const perTenant = new Map<string, number>();
    for (const table of tables) {
      const { rows } = await c.query<{ n: number }>(
        `select count(*)::int as n from ${quote(table)} where tenant_id = $1`,
        [options.probeTenantId],
      );
      perTenant.set(table, rows[0].n);
    }
    return { totals, perTenant };
  });
  const results = new Map<string, RowVisibility>(
    tables.map((table) => [
      table,
      { table, totalRows: totals.get(table)!, tenantRows: perTenant.get(table)!, problems: [] },
    ]),
  );
  for (const r of results.values()) {
    if (r.totalRows === 0) r.problems.push('not exercised: the table has no rows to hide');
    else if (r.tenantRows === 0)
      r.problems.push('not exercised: the probe tenant has no rows here');
    else if (r.tenantRows === r.totalRows)
      r.problems.push('not exercised: only the probe tenant has rows');
  }

  const roles = Object.entries(options.roleUrls);
  for (const [index, [role, url]] of roles.entries()) {
    await withClient(url, async (c) => {
      const seen = async (state: string) => {
        // A table the role may not read at all is as bad as one it reads unfiltered: report it.
        for (const table of tables) {
          const r = results.get(table)!;
          try {
            const n = (await countAll(c, [table])).get(table)!;
            if (n !== 0) r.problems.push(`${role} sees ${n} of ${r.totalRows} rows ${state}`);
          } catch (e) {
            r.problems.push(`${role} cannot read it ${state}: ${(e as Error).message}`);
          }
        }
      };
      await seen('with no tenant set');
      await c.query(`select set_config('app.tenant_id', '', false)`);
      await seen("with app.tenant_id = ''");
      await c.query(`reset app.tenant_id`);
      // A pooled connection after a committed tenant transaction: the setting reads ''.
      await c.query('begin');
      await c.query(`select set_config('app.tenant_id', $1, true)`, [options.probeTenantId]);
      if (index === 0) {
        for (const table of tables) {
          const r = results.get(table)!;
          try {
            const n = (await countAll(c, [table])).get(table)!;
            if (n !== r.tenantRows) {
              r.problems.push(
                `${role} sees ${n} rows inside a tenant transaction, expected that tenant's ${r.tenantRows}`,
              );
            }
          } catch (e) {
            r.problems.push(
              `${role} cannot read it inside a tenant transaction: ${(e as Error).message}`,
            );
            await c.query('rollback');
            await c.query('begin');
            await c.query(`select set_config('app.tenant_id', $1, true)`, [options.probeTenantId]);
          }
        }
      }
      await c.query('commit');
      await seen('after a committed tenant transaction on the same connection');
    });
  }
  return [...results.values()];
}

/** The tables with problems, for compact assertions: { table: [problem, ...] }. */
export function problemsByTable(
  items: Array<TableProblem | RowVisibility>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const item of items) {
    const list = 'problem' in item ? [item.problem] : item.problems;
    if (list.length) (out[item.table] ??= []).push(...list);
  }
  return out;
}

/**
 * A fingerprint of one tenant's rows in every tenant table (read as superuser): equal before and
 * after a series of requests means none of them changed that tenant's data.
 */
export async function tenantFingerprint(
  adminUrl: string,
  tenantId: string,
): Promise<Record<string, string>> {
  const tables = await tenantTables(adminUrl);
  return withClient(adminUrl, async (c) => {
    const out: Record<string, string> = {};
    for (const table of tables) {
      const { rows } = await c.query<{ digest: string }>(
        `select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as digest
           from ${quote(table)} t where tenant_id = $1`,
        [tenantId],
      );
      out[table] = rows[0].digest;
    }
    return out;
  });
}

/** Tables in schema public without a `tenant_id` column (global tables), migrations' own left out. */
export async function globalTables(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ table: string }>(
      `select c.relname as "table"
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'typeorm_migrations'
          and not exists (select 1 from pg_attribute a
                           where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
        order by c.relname`,
    );
    return rows.map((r) => r.table);
  });
}

/**
 * The same fingerprint for global tables: per table, the rows `rowsOf[table]` selects for the
 * tenant (a WHERE clause with `$1` = the tenant's id), or every row when it is null.
 */
export async function globalFingerprint(
  adminUrl: string,
  tenantId: string,
  rowsOf: Record<string, string | null>,
): Promise<Record<string, string>> {
  return withClient(adminUrl, async (c) => {
    const out: Record<string, string> = {};
    for (const [table, where] of Object.entries(rowsOf)) {
      const { rows } = await c.query<{ digest: string }>(
        `select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as digest
           from ${quote(table)} t ${where ? `where ${where}` : ''}`,
        where ? [tenantId] : [],
      );
      out[table] = rows[0].digest;
    }
    return out;
  });
}
