import type { QueryRunner } from 'typeorm';

/**
 * Row-level security for a tenant-owned table, as the data rules fix it: enabled and forced (the
 * owner is bound too), one policy for reads and writes. With no tenant set the policy matches
 * nothing instead of raising, also on a pooled connection that served another tenant before.
 * Feature migrations call this once per new tenant table.
 */
export async function enableTenantRls(q: QueryRunner, table: string): Promise<void> {
  const predicate = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
  await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await q.query(
    `CREATE POLICY tenant_isolation ON "${table}" USING (${predicate}) WITH CHECK (${predicate})`,
  );
}

export async function disableTenantRls(q: QueryRunner, table: string): Promise<void> {
  await q.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
  await q.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
}
