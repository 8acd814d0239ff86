import { Client } from 'pg';
import { ConfigError } from '../config/app-config';

/**
 * The tenant tables the role can own: its own tables or those of a role it is a member of (it
 * could SET ROLE to that owner). A tenant table has a `tenant_id` column or row-level security.
 */
const OWNED_TENANT_TABLES = `
  select n.nspname || '.' || c.relname as name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
   where c.relkind in ('r', 'p')
     and n.nspname not in ('pg_catalog', 'information_schema')
     and (c.relrowsecurity
          or exists (select 1 from pg_attribute a
                      where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
     and pg_has_role(current_user, c.relowner, 'MEMBER')
   order by 1`;

/**
 * Refuses a DATABASE_URL whose role would switch off the isolation between municipalities: a
 * superuser or a BYPASSRLS role ignores row-level security, and a table's owner can turn it off.
 * Web and worker run this before anything of the app is built (a job must never run as such a
 * role), so does every test app. Throws a ConfigError naming the variable.
 */
export async function assertSafeDatabaseRole(databaseUrl: string): Promise<void> {
  const client = new Client({
    connectionString: databaseUrl,
    application_name: 'mantelzorghub-role-check',
  });
  try {
    await client.connect();
  } catch (e) {
    throw new ConfigError(`DATABASE_URL: cannot connect (${(e as Error).message})`);
  }
  try {
    const role = await client.query<{ name: string; rolsuper: boolean; rolbypassrls: boolean }>(
      'select rolname as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    const { name, rolsuper, rolbypassrls } = role.rows[0];
    const problems: string[] = [];
    if (rolsuper) problems.push('is a superuser');
    if (rolbypassrls) problems.push('has BYPASSRLS');
    if (!rolsuper) {
      // (a superuser "owns" everything: one reason is enough)
      const owned = (await client.query<{ name: string }>(OWNED_TENANT_TABLES)).rows;
      if (owned.length > 0) {
        const some = owned.slice(0, 3).map((t) => t.name);
        problems.push(
          `owns tenant tables (${some.join(', ')}${owned.length > 3 ? `, ${owned.length - 3} more` : ''})`,
        );
      }
    }
    if (problems.length > 0) {
      throw new ConfigError(
        `DATABASE_URL connects as role "${name}", which ${problems.join(' and ')}: row-level ` +
          'security would not keep the municipalities apart. Give DATABASE_URL the app role ' +
          '(mzh_app: NOSUPERUSER, NOBYPASSRLS, owns nothing); the owner role (mzh_owner) belongs ' +
          'in DATABASE_OWNER_URL, for migrations only.',
      );
    }
  } finally {
    await client.end();
  }
}
