import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/auth/entities/membership.entity';
import { asTenantId, type TenantId } from '../../src/database/tenant-id';
import { DataSource, type EntityManager } from 'typeorm';
import { BrandingService } from '../../src/admin/branding.service';
import { AuthTokensService, type IssueTokenInput } from '../../src/auth/auth-tokens.service';
import type { AuthTokenPurpose } from '../../src/auth/entities/auth-token.entity';
import { TenantTransaction } from '../../src/database/tenant-transaction';
import { OutboxMessage } from '../../src/mail/entities/outbox-message.entity';
import { MailService } from '../../src/mail/mail.service';
import type { Tenant } from '../../src/tenancy/entities/tenant.entity';
import { LegalPage } from '../../src/tenancy/entities/legal-page.entity';
import { LegalPagesService } from '../../src/tenancy/legal-pages.service';
import { TenantsService } from '../../src/tenancy/tenants.service';
import { createMember, createTenant, type TestMember } from './factories';
import { TEST_MANIFEST_LIST } from './features';
import { PNG } from './features/png';
import type { TestApp } from './test-app';

/**
 * The tenant-isolation registry (test/isolation.e2e-spec.ts). Each route below is requested on
 * A's host by its actor (a member of A) with the ids of tenant B's rows and must answer 404: never
 * B's data, never a 500. Routes with two ids are also requested with A's id in one place and B's
 * in the others (A's café slug with B's meeting key). Then, as a positive control, each route with
 * A's own ids must answer `expect` (200 unless said), so a 404 above means "not yours", not "no
 * such route" or "not signed in". The platform's lines are here; each feature adds ONE line per
 * route that takes an id, and a seeder that makes the rows those ids point at, in its test
 * manifest (test/support/features/<name>.ts). A route with a parameter that is neither here nor
 * in NOT_TENANT_ROUTES fails the coverage test.
 */

/** Ids of one seeded tenant's rows, by name (seeders add their own keys). */
export type TenantIds = Record<string, string>;

/**
 * Who requests a route: nobody signed in, the seeded member with that role, or a seeded
 * participant by name (a café's host, later a chat's or forum thread's member), whom a seeder
 * registers in `participants`.
 */
export type Actor = 'anonymous' | Role | { participant: string };

export interface TenantRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path with the given tenant's ids filled in. */
  path: (ids: TenantIds) => string;
  /** Who requests it (with B's ids, and again with A's own for the positive control). */
  actor: Actor;
  /** Form fields for POST-like routes (the CSRF token is added by the suite). */
  body?: (ids: TenantIds) => Record<string, string>;
  /** The positive control's status with A's own ids (e.g. 303 for a form that redirects); default 200. */
  expect?: number;
  /** Acting on it logs someone in (e-mailed links): each request gets a new session of its own. */
  ownSession?: boolean;
  /** The platform site answers it too (login and reset links): B's ids are tried there as well. */
  platform?: boolean;
  /** A readers' anonymous form (src/web/anonymous): sent with the host's own `Origin`, as a browser does. */
  origin?: boolean;
}

const NEW_PASSWORD = 'Een-nieuw-wachtwoord-2027';

// prettier-ignore
const PLATFORM_TENANT_ROUTES: TenantRoute[] = [
  { method: 'GET', path: (ids) => `/beheer/leden/${ids.membershipId}`, actor: 'tenant_admin' },
  { method: 'POST', path: (ids) => `/beheer/leden/${ids.membershipId}/rol`, actor: 'tenant_admin', body: () => ({ role: 'caregiver' }), expect: 303 },
  { method: 'POST', path: (ids) => `/beheer/leden/${ids.membershipId}/medewerker`, actor: 'tenant_admin', body: () => ({ staff: '1' }), expect: 303 },
  // One-time e-mailed links are bound to the municipality that sent them: B's link does nothing on
  // A's host, neither the page nor acting on it (which logs in: a session of its own each time).
  { method: 'GET', path: (ids) => `/inloggen/link/${ids.loginToken}`, actor: 'anonymous', platform: true },
  { method: 'POST', path: (ids) => `/inloggen/link/${ids.loginToken}`, actor: 'anonymous', platform: true, ownSession: true, expect: 303 },
  { method: 'GET', path: (ids) => `/bevestigen/${ids.verifyToken}`, actor: 'anonymous' },
  { method: 'POST', path: (ids) => `/bevestigen/${ids.verifyToken}`, actor: 'anonymous', ownSession: true, body: () => ({ password: NEW_PASSWORD }), expect: 303 },
  { method: 'GET', path: (ids) => `/aansluiten/${ids.joinToken}`, actor: 'anonymous' },
  { method: 'POST', path: (ids) => `/aansluiten/${ids.joinToken}`, actor: 'anonymous', ownSession: true, expect: 303 },
  { method: 'GET', path: (ids) => `/uitnodiging/${ids.inviteToken}`, actor: 'anonymous' },
  { method: 'POST', path: (ids) => `/uitnodiging/${ids.inviteToken}`, actor: 'anonymous', ownSession: true, body: () => ({ displayName: 'Link Ontvanger', password: NEW_PASSWORD, consent: 'ja' }), expect: 303 },
  { method: 'GET', path: (ids) => `/wachtwoord-vergeten/${ids.resetToken}`, actor: 'anonymous', platform: true },
  { method: 'POST', path: (ids) => `/wachtwoord-vergeten/${ids.resetToken}`, actor: 'anonymous', platform: true, ownSession: true, body: () => ({ password: NEW_PASSWORD }), expect: 303 },
];

/**
 * Routes with a parameter that are not in TENANT_ROUTES, with the reason (one line each), so the
 * coverage test knows they were considered. Key: method and the Express path as declared.
 */
const PLATFORM_NOT_TENANT_ROUTES: Record<string, string> = {};

/**
 * Global tables (no tenant_id, no RLS) and which of their rows belong to one tenant (`$1` is the
 * tenant's id), or null for the whole table when no request on a hub may touch it at all. The
 * isolation suite fingerprints these rows of B too; a global table missing here fails it.
 */
// prettier-ignore
const PLATFORM_GLOBAL_TABLE_ROWS: Record<string, string | null> = {
  tenants: 'id = $1',
  users: 'id in (select user_id from memberships where tenant_id = $1)',
  auth_tokens: 'host_tenant_id = $1',
  sessions: `sess->>'siteKey' = 'tenant:' || $1`,
  platform_outbox_messages: null,
  onboarding_requests: null,
  // General news and guide pages (search): read on every hub, written only by their triggers.
  general_search_documents: null,
};

export interface SeedContext {
  t: TestApp;
  tenant: Tenant;
  tenantId: TenantId;
  /** Ids made by earlier seeders (and the members below); add yours by returning them. */
  ids: TenantIds;
  /** The seeded admin, caregiver and professional of this tenant. */
  members: Record<'tenant_admin' | 'caregiver' | 'professional', TestMember>;
  /** Named people a route's actor can point at (`{ participant: 'cafeHost' }`): add yours. */
  participants: Record<string, TestMember>;
  /** 0 for the first tenant of a pair, 1 for the second: for values that must differ between them. */
  ordinal: number;
  /** A string only this tenant's data contains (names): it must never show on another host. */
  marker: string;
  /** Runs `work` in this tenant's transaction (RLS applies, as in the app). */
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
}

export type Seeder = (ctx: SeedContext) => Promise<TenantIds | void>;

/**
 * Seeders fill every tenant table with at least one row per tenant; the schema test fails when a
 * tenant table stays empty (its zero-rows check would prove nothing). A feature with a new tenant
 * table adds a seeder to its test manifest, preferably through its own service.
 */
const PLATFORM_TENANT_SEEDERS: Seeder[] = [
  // files (through the branding service, as an admin's upload does)
  async ({ t, tenantId }) => {
    await t.get(BrandingService).replaceLogo(tenantId, { contentType: 'image/png', content: PNG });
    const tenant = await t.get(TenantsService).findById(tenantId);
    return { fileId: tenant!.logoFileId! };
  },
  // legal_pages (the municipality's own privacy statement)
  async ({ t, tenant, tenantId, run }) => {
    await t
      .get(LegalPagesService)
      .save(tenantId, tenant, 'privacy', `Privacyverklaring van ${tenant.name}.`);
    const page = await run((em) =>
      em.getRepository(LegalPage).findOneByOrFail({ tenantId, kind: 'privacy' }),
    );
    return { legalPageId: page.id };
  },
  // outbox_messages (a queued mail)
  async ({ t, tenant, tenantId, ids, run }) => {
    const key = `test:${ids.membershipId}`;
    const message = await run(async (em) => {
      await t.get(MailService).queueTenantMail(em, tenantId, {
        key,
        to: `lid-${tenant.slug}@example.be`,
        subject: `Bericht van ${tenant.name}`,
        template: 'test-message',
        data: { name: 'lid', message: 'Hallo' },
      });
      return em.getRepository(OutboxMessage).findOneByOrFail({ tenantId, key });
    });
    return { outboxMessageId: message.id };
  },
  // auth_tokens (global table, but each link is bound to the municipality that sent it). The login
  // and reset links are for a member of their own (acting on them logs in and voids the account's
  // other sessions), the join link for an account that is not a member here yet.
  async ({ t, tenant, marker }) => {
    const linkHolder = await createMember(t, {
      tenant,
      role: 'caregiver',
      displayName: `${marker} Link Ontvanger`,
    });
    const outsider = await createMember(t, {});
    const tokens = t.get(AuthTokensService);
    const issue = (purpose: AuthTokenPurpose, extra: Partial<IssueTokenInput> = {}) =>
      t.app.get(DataSource).transaction(async (em) => {
        const { raw } = await tokens.issue(em, {
          purpose,
          email: `link-${purpose}-${tenant.slug}@example.be`,
          hostTenantId: tenant.id,
          displayName: 'Link Ontvanger',
          ttlMs: 3_600_000,
          ...extra,
        });
        return raw;
      });
    return {
      loginToken: await issue('login', { userId: linkHolder.user.id, email: linkHolder.email }),
      verifyToken: await issue('verify'),
      joinToken: await issue('join', { email: outsider.email }),
      inviteToken: await issue('invite', { role: 'professional' }),
      resetToken: await issue('reset', { userId: linkHolder.user.id, email: linkHolder.email }),
    };
  },
];

/** The platform's routes, then each feature's (in the order of src/features.ts). */
export const TENANT_ROUTES: TenantRoute[] = [
  ...PLATFORM_TENANT_ROUTES,
  ...TEST_MANIFEST_LIST.flatMap((f) => f.tenantRoutes),
];
export const NOT_TENANT_ROUTES: Record<string, string> = Object.assign(
  { ...PLATFORM_NOT_TENANT_ROUTES },
  ...TEST_MANIFEST_LIST.map((f) => f.notTenantRoutes),
);
export const GLOBAL_TABLE_ROWS: Record<string, string | null> = Object.assign(
  { ...PLATFORM_GLOBAL_TABLE_ROWS },
  ...TEST_MANIFEST_LIST.map((f) => f.globalTableRows),
);
/** The platform's seeders first: the features' rows point at its members and files. */
export const TENANT_SEEDERS: Seeder[] = [
  ...PLATFORM_TENANT_SEEDERS,
  ...TEST_MANIFEST_LIST.flatMap((f) => f.seeders),
];

export interface SeededTenant {
  tenant: Tenant;
  ids: TenantIds;
  admin: TestMember;
  caregiver: TestMember;
  professional: TestMember;
  /** The people seeders named (`{ participant: key }` actors). */
  participants: Record<string, TestMember>;
  /** A string that appears only in this tenant's data (names): must never show on another host. */
  marker: string;
}

/**
 * One tenant with an admin, a professional, a caregiver and a row in every seeded table;
 * `ordinal` tells the tenants of a pair apart (see SeedContext).
 */
export async function seedTenant(t: TestApp, slug: string, ordinal = 0): Promise<SeededTenant> {
  const marker = `Merk${randomBytes(4).toString('hex')}`;
  const tenant = await createTenant(t, {
    slug,
    name: `${slug.charAt(0).toUpperCase()}${slug.slice(1)}`,
  });
  const member = (role: Role) =>
    createMember(t, { tenant, role, displayName: `${marker} ${role}` });
  const admin = await member('tenant_admin');
  const professional = await member('professional');
  const caregiver = await member('caregiver');
  const tenantId = asTenantId(tenant.id);
  const ids: TenantIds = {
    tenantId: tenant.id,
    membershipId: caregiver.membership!.id,
    adminMembershipId: admin.membership!.id,
    professionalMembershipId: professional.membership!.id,
    userId: caregiver.user.id,
  };
  const tx = t.get(TenantTransaction);
  const members = { tenant_admin: admin, caregiver, professional };
  const participants: Record<string, TestMember> = {};
  for (const seed of TENANT_SEEDERS) {
    const made = await seed({
      t,
      tenant,
      tenantId,
      ids,
      members,
      participants,
      ordinal,
      marker,
      run: (work) => tx.run(tenantId, work),
    });
    Object.assign(ids, made ?? {});
  }
  const fresh = (await t.get(TenantsService).findById(tenant.id)) ?? tenant;
  return { tenant: fresh, ids, admin, caregiver, professional, participants, marker };
}

/** Tenants A and B, each with data in every tenant table; the suites use B's ids on A's host. */
export async function seedTenantPair(
  t: TestApp,
  slugs: [string, string] = ['gent', 'ieper'],
): Promise<{ a: SeededTenant; b: SeededTenant }> {
  const a = await seedTenant(t, slugs[0], 0);
  const b = await seedTenant(t, slugs[1], 1);
  return { a, b };
}
