import { Client } from 'pg';
import { hashPassword } from '../auth/passwords';
import { normalizeEmail } from '../auth/users.service';
import {
  DEMO_MUNICIPALITIES,
  DEMO_PASSWORD,
  DEMO_PLATFORM_ADMIN,
  type DemoMember,
  type DemoTenant,
} from './demo-data';
import type { DemoSeedCounts, DemoSeeder, PlatformSeeder } from '../common/feature-manifest';
import { seedEnv } from '../config/seed-env';
import { FEATURE_MANIFESTS } from '../features';

/**
 * Demo data for development: idempotent (it only inserts what is missing, keyed by tenant slug,
 * e-mail address and (tenant, user) membership), so running it again changes nothing, and edits
 * made through the app (a new welcome text, a changed password) survive a restart.
 * It connects as the app role and writes tenant rows inside a tenant transaction, as the app does.
 * It refuses to run in production. The platform's part (municipalities, accounts, memberships) is
 * here; each feature's demo rows come from the seeders of its manifest (src/features.ts), which is
 * why this folder belongs to the composition and not to the platform.
 *
 * CLI: DATABASE_URL=... node -r ts-node/register/transpile-only src/seed/seed.ts
 *  (or after `npm run build`: node dist/src/seed/seed.js)
 */

export interface DemoLogin {
  tenantSlug: string | null;
  role: string;
  email: string;
  displayName: string;
  note: string;
}

export interface SeedReport {
  tenantsCreated: number;
  usersCreated: number;
  membershipsCreated: number;
  /** What the features' seeders made, added up: cafesCreated, meetingsCreated, ... */
  [count: `${string}Created`]: number;
  logins: DemoLogin[];
  password: string;
}

export class SeedRefused extends Error {}

/** Throws SeedRefused when the environment is production (demo accounts have a known password). */
export function assertSeedAllowed(nodeEnv: string | undefined): void {
  if (nodeEnv === 'production') {
    throw new SeedRefused(
      'Refusing to seed demo data with NODE_ENV=production: demo accounts share a public password.',
    );
  }
}

/** The features' demo seeders, in the order of src/features.ts. */
export const FEATURE_DEMO_SEEDERS: DemoSeeder[] = FEATURE_MANIFESTS.flatMap((f) => f.demoSeeders);

/** The features' global demo seeders, in the order of src/features.ts. */
export const FEATURE_PLATFORM_SEEDERS: PlatformSeeder[] = FEATURE_MANIFESTS.flatMap(
  (f) => f.platformSeeders,
);

function addCounts(report: SeedReport, counts: DemoSeedCounts): void {
  for (const [what, n] of Object.entries(counts) as [`${string}Created`, number][])
    report[what] = (report[what] ?? 0) + n;
}

export async function seedDemoData(
  databaseUrl: string,
  nodeEnv: string | undefined = seedEnv().nodeEnv,
  seeders: DemoSeeder[] = FEATURE_DEMO_SEEDERS,
  platformSeeders: PlatformSeeder[] = FEATURE_PLATFORM_SEEDERS,
): Promise<SeedReport> {
  assertSeedAllowed(nodeEnv);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const report: SeedReport = {
      tenantsCreated: 0,
      usersCreated: 0,
      membershipsCreated: 0,
      logins: [],
      password: DEMO_PASSWORD,
    };

    // Accounts first (global table). Hash only for accounts that do not exist yet.
    const emails = new Set(
      [
        DEMO_PLATFORM_ADMIN.email,
        ...DEMO_MUNICIPALITIES.flatMap((m) => m.members.map((p) => p.email)),
      ].map(normalizeEmail),
    );
    const existing = await client.query<{ email: string }>(
      'select email from users where email = any($1)',
      [[...emails]],
    );
    const have = new Set(existing.rows.map((r) => r.email));
    for (const email of emails) {
      if (have.has(email)) continue;
      const hash = await hashPassword(DEMO_PASSWORD);
      const inserted = await client.query(
        `insert into users (email, password_hash, email_verified_at, platform_admin)
         values ($1, $2, now(), $3) on conflict (email) do nothing`,
        [email, hash, email === normalizeEmail(DEMO_PLATFORM_ADMIN.email)],
      );
      report.usersCreated += inserted.rowCount ?? 0;
    }
    const users = await client.query<{ id: string; email: string }>(
      'select id, email from users where email = any($1)',
      [[...emails]],
    );
    const userId = new Map(users.rows.map((r) => [r.email, r.id]));
    report.logins.push({
      tenantSlug: null,
      role: 'platform_admin',
      email: DEMO_PLATFORM_ADMIN.email,
      displayName: 'Platformbeheer',
      note: DEMO_PLATFORM_ADMIN.note,
    });

    for (const seed of platformSeeders) addCounts(report, await seed(client));

    for (const { tenant, members } of DEMO_MUNICIPALITIES) {
      const tenantId = await upsertTenant(client, tenant, report);
      await inTenantTransaction(client, tenantId, async () => {
        for (const member of members) {
          report.membershipsCreated += await insertMembership(
            client,
            tenantId,
            userId.get(normalizeEmail(member.email))!,
            member,
          );
          report.logins.push({
            tenantSlug: tenant.slug,
            role: member.role,
            email: member.email,
            displayName: member.displayName,
            note: member.note,
          });
        }
        for (const seed of seeders) {
          addCounts(
            report,
            await seed(client, { tenantId, tenantSlug: tenant.slug, userIdByEmail: userId }),
          );
        }
      });
    }
    return report;
  } finally {
    await client.end();
  }
}

async function upsertTenant(client: Client, t: DemoTenant, report: SeedReport): Promise<string> {
  const inserted = await client.query(
    `insert into tenants (slug, name, nis_code, province, brand_color, contact_email, contact_phone, contact_address, welcome_text, status)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active') on conflict (slug) do nothing`,
    [
      t.slug,
      t.name,
      t.nisCode,
      t.province,
      t.brandColor,
      t.contactEmail,
      t.contactPhone,
      t.contactAddress,
      t.welcomeText,
    ],
  );
  report.tenantsCreated += inserted.rowCount ?? 0;
  const row = await client.query<{ id: string }>('select id from tenants where slug = $1', [
    t.slug,
  ]);
  return row.rows[0].id;
}

async function insertMembership(
  client: Client,
  tenantId: string,
  userId: string,
  m: DemoMember,
): Promise<number> {
  const inserted = await client.query(
    `insert into memberships (tenant_id, user_id, role, display_name, phone, terms_accepted_at, mail_consent_at)
     values ($1, $2, $3, $4, $5, now(), case when $6::boolean then now() end)
     on conflict (tenant_id, user_id) do nothing`,
    [tenantId, userId, m.role, m.displayName, m.phone ?? null, m.mailConsent],
  );
  return inserted.rowCount ?? 0;
}

/** The seed's own tenant transaction (plain pg): row-level security admits only this tenant's rows. */
async function inTenantTransaction(
  client: Client,
  tenantId: string,
  work: () => Promise<void>,
): Promise<void> {
  await client.query('begin');
  try {
    await client.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
    await work();
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  }
}

/** Demo logins as printable lines, grouped per municipality. */
export function formatLogins(report: SeedReport, urlFor: (slug: string | null) => string): string {
  const roleLabel: Record<string, string> = {
    platform_admin: 'platformbeheerder',
    tenant_admin: 'beheerder',
    professional: 'sociale dienst',
    caregiver: 'mantelzorger',
  };
  const lines: string[] = [];
  let current: string | null | undefined;
  for (const login of report.logins) {
    if (login.tenantSlug !== current) {
      current = login.tenantSlug;
      lines.push(`  ${urlFor(current)}`);
    }
    lines.push(
      `    ${roleLabel[login.role].padEnd(18)} ${login.email.padEnd(30)} ${login.displayName}`,
    );
  }
  lines.push(`  Password for every demo account: ${report.password}`);
  return lines.join('\n');
}

if (require.main === module) {
  const url = seedEnv().databaseUrl;
  if (!url) {
    console.error(
      'DATABASE_URL is missing (the app role connection, e.g. postgres://mzh_app:...@host/mantelzorghub).',
    );
    process.exit(1);
  }
  seedDemoData(url)
    .then((report) => {
      const { tenantsCreated, usersCreated, membershipsCreated, ...rest } = report;
      const { logins: _logins, password: _password, ...features } = rest;
      const more = Object.entries(features).map(
        ([what, n]) => `, ${n} ${what.replace(/Created$/, '')}`,
      );
      console.log(
        `Demo data: ${tenantsCreated} municipalities, ${usersCreated} accounts, ${membershipsCreated} memberships${more.join('')} created.`,
      );
      console.log(
        formatLogins(report, (slug) => (slug ? `${slug}.<BASE_DOMAIN>` : '<BASE_DOMAIN>')),
      );
    })
    .catch((e: unknown) => {
      console.error(e instanceof SeedRefused ? e.message : e);
      process.exit(1);
    });
}
