import type { Client } from 'pg';

/**
 * The benches' municipality: Poperinge with `members` caregivers (lid1@… to lid<n>@…, display
 * names "Lid <n>", terms accepted), written as the superuser in a few set-based statements.
 */
export async function seedPoperinge(c: Client, members: number): Promise<string> {
  const { rows } = await c.query<{ id: string }>(
    `insert into tenants (slug, name, nis_code, province, contact_email, welcome_text)
     values ('poperinge', 'Poperinge', '33021', 'West-Vlaanderen', 'sociaalhuis@poperinge.be', '')
     returning id`,
  );
  const tenantId = rows[0].id;
  await c.query(
    `insert into users (email, password_hash, email_verified_at)
     select 'lid' || i || '@poperinge.example', 'x', now() from generate_series(1, $1) i`,
    [members],
  );
  await c.query(
    `insert into memberships (tenant_id, user_id, role, display_name, terms_accepted_at)
     select $1, u.id, 'caregiver', 'Lid ' || substring(u.email from 4 for position('@' in u.email) - 4), now()
       from users u where u.email like '%@poperinge.example'`,
    [tenantId],
  );
  return tenantId;
}
