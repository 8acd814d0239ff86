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
import { cafeForm, meetingBody, seedCafeRows } from './cafes';
import { CafesService } from '../../src/cafes/cafes.service';
import { Meeting } from '../../src/cafes/entities/meeting.entity';
import { ReminderLinks } from '../../src/cafes/reminders/reminder-links';
import { SignupsService } from '../../src/cafes/signups.service';
import { createMember, createTenant, type TestMember } from './factories';
import type { TestApp } from './test-app';

/**
 * The tenant-isolation registry (test/isolation.e2e-spec.ts). A user of tenant A requests every
 * route below on A's host with the ids of tenant B's rows and must get 404: never B's data, never
 * a 500. Each feature adds ONE line per route that takes an id, and one seeder (below) that makes
 * the rows those ids point at. A route with a parameter that is neither here nor in
 * NOT_TENANT_ROUTES fails the coverage test.
 */

/** Ids of one seeded tenant's rows, by name (seeders add their own keys). */
export type TenantIds = Record<string, string>;

export interface TenantRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path with the given tenant's ids filled in. */
  path: (ids: TenantIds) => string;
  /** The least role that reaches the route in its own tenant; the suite logs in as tenant_admin. */
  role: Role | 'anonymous';
  /** Form fields for POST-like routes (the CSRF token is added by the suite). */
  body?: (ids: TenantIds) => Record<string, string>;
}

// prettier-ignore
export const TENANT_ROUTES: TenantRoute[] = [
  { method: 'GET', path: (ids) => `/beheer/leden/${ids.membershipId}`, role: 'tenant_admin' },
  { method: 'POST', path: (ids) => `/beheer/leden/${ids.membershipId}/rol`, role: 'tenant_admin', body: () => ({ role: 'professional' }) },
  // One-time e-mailed links are bound to the municipality that sent them.
  { method: 'GET', path: (ids) => `/inloggen/link/${ids.loginToken}`, role: 'anonymous' },
  { method: 'GET', path: (ids) => `/bevestigen/${ids.verifyToken}`, role: 'anonymous' },
  { method: 'GET', path: (ids) => `/aansluiten/${ids.joinToken}`, role: 'anonymous' },
  { method: 'GET', path: (ids) => `/uitnodiging/${ids.inviteToken}`, role: 'anonymous' },
  { method: 'GET', path: (ids) => `/wachtwoord-vergeten/${ids.resetToken}`, role: 'anonymous' },
  // Cafés: the positive control runs these in order with A's own ids (edit before cancel).
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}`, role: 'anonymous' },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}`, role: 'anonymous' },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}.ics`, role: 'anonymous' },
  // Theme wishes and the host dashboard (before the meeting is cancelled below: attaching needs it).
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/wensen`, role: 'anonymous' },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/wensen`, role: 'caregiver', body: () => ({ kind: 'theme', text: 'Slapen als je zorgt' }) },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/wensen/${ids.wishId}/intrekken`, role: 'caregiver' },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/wensen/${ids.wishId}/stem`, role: 'caregiver' },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/aanmeldingen`, role: 'caregiver' },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/${ids.meetingKey}/aanwezigheidslijst`, role: 'caregiver' },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/${ids.meetingKey}/aanmeldingen.csv`, role: 'caregiver' },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/wensen`, role: 'caregiver' },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/wensen/${ids.wishId}/koppelen`, role: 'caregiver', body: (ids) => ({ bijeenkomst: ids.meetingKey }) },
  // Sign-up, cancel, follow (before the meeting is cancelled below) and the signed one-click cancel link.
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/aanmelden`, role: 'caregiver', body: () => ({ companions: '1', transport: '1' }) },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/afmelden`, role: 'caregiver' },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/volgen`, role: 'caregiver' },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/ontvolgen`, role: 'caregiver' },
  { method: 'GET', path: (ids) => `/e/afmelden/${ids.signupCancelToken}`, role: 'anonymous' },
  { method: 'POST', path: (ids) => `/e/afmelden/${ids.signupCancelToken}`, role: 'anonymous' },
  // The one-click links of a reminder mail (sign up, stop this café, stop all), bound to their municipality.
  { method: 'GET', path: (ids) => `/e/aanmelden/${ids.reminderSignupToken}`, role: 'anonymous' },
  { method: 'POST', path: (ids) => `/e/aanmelden/${ids.reminderSignupToken}`, role: 'anonymous' },
  { method: 'GET', path: (ids) => `/e/herinneringen/${ids.remindersCafeOffToken}`, role: 'anonymous' },
  { method: 'POST', path: (ids) => `/e/herinneringen/${ids.remindersCafeOffToken}`, role: 'anonymous' },
  { method: 'GET', path: (ids) => `/e/herinneringen-alle/${ids.remindersAllOffToken}`, role: 'anonymous' },
  { method: 'POST', path: (ids) => `/e/herinneringen-alle/${ids.remindersAllOffToken}`, role: 'anonymous' },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer`, role: 'caregiver' },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/nieuwe-bijeenkomst`, role: 'caregiver' },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/nieuwe-bijeenkomst`, role: 'caregiver', body: meetingBody },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/bewerken`, role: 'caregiver' },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/bewerken`, role: 'caregiver', body: meetingBody },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/annuleren`, role: 'caregiver' },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/annuleren`, role: 'caregiver' },
  { method: 'GET', path: (ids) => `/beheer/cafes/${ids.cafeSlug}`, role: 'tenant_admin' },
  { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}`, role: 'tenant_admin', body: (ids) => cafeForm({ slug: ids.cafeSlug, name: 'Mantelzorgcafé Centrum' }) },
  { method: 'GET', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep`, role: 'tenant_admin' },
  { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep/${ids.cafeHostId}/verwijderen`, role: 'tenant_admin' },
  { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep`, role: 'tenant_admin', body: (ids) => ({ membershipId: ids.membershipId }) },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/foto`, role: 'anonymous' },
  { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/foto`, role: 'tenant_admin', body: () => ({ photoAlt: 'De ingang van het dienstencentrum' }) },
  { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/foto/verwijderen`, role: 'tenant_admin' },
];

/**
 * Routes with a parameter that are not in TENANT_ROUTES, with the reason (one line each), so the
 * coverage test knows they were considered. Key: method and the Express path as declared.
 */
const TOKEN_POST =
  'acting on the link (log in, accept) would change the test session; its GET is registered and the POST goes through the same host-bound token lookup (test/auth.e2e-spec.ts)';
// prettier-ignore
export const NOT_TENANT_ROUTES: Record<string, string> = {
  'POST /inloggen/link/:token': TOKEN_POST,
  'POST /bevestigen/:token': TOKEN_POST,
  'POST /aansluiten/:token': TOKEN_POST,
  'POST /uitnodiging/:token': TOKEN_POST,
  'POST /wachtwoord-vergeten/:token': TOKEN_POST,
};

export interface SeedContext {
  t: TestApp;
  tenant: Tenant;
  tenantId: TenantId;
  /** Ids made by earlier seeders (and the members below); add yours by returning them. */
  ids: TenantIds;
  /** Runs `work` in this tenant's transaction (RLS applies, as in the app). */
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
}

export type Seeder = (ctx: SeedContext) => Promise<TenantIds | void>;

/** 1×1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Seeders fill every tenant table with at least one row per tenant; the schema test fails when a
 * tenant table stays empty (its zero-rows check would prove nothing). A feature with a new tenant
 * table adds a seeder here, preferably through its own service.
 */
export const TENANT_SEEDERS: Seeder[] = [
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
  // auth_tokens (global table, but each link is bound to the municipality that sent it)
  async ({ t, tenant, ids }) => {
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
      loginToken: await issue('login', { userId: ids.userId }),
      verifyToken: await issue('verify'),
      joinToken: await issue('join'),
      inviteToken: await issue('invite', { role: 'professional' }),
      resetToken: await issue('reset', { userId: ids.userId }),
    };
  },
  // cafes, cafe_hosts, meetings, cafe_follows, signups, wishes, wish_votes
  (ctx) => seedCafeRows(ctx),
  // the café's photo (a second row in files; /cafes/<slug>/foto)
  async ({ t, tenantId, ids }) => {
    const cafes = t.get(CafesService);
    await cafes.setPhoto(
      tenantId,
      ids.cafeId,
      { contentType: 'image/png', content: PNG },
      'Het café',
    );
  },
  // the signed one-click cancel link of the seeded sign-up (/e/afmelden/<token>)
  async ({ t, tenantId, ids, run }) => ({
    signupCancelToken: await run((em) =>
      t.get(SignupsService).cancelTokenFor(em, tenantId, ids.meetingId, ids.membershipId),
    ),
  }),
  // the signed links of a reminder mail (/e/aanmelden, /e/herinneringen, /e/herinneringen-alle)
  async ({ t, tenantId, ids, run }) => {
    const links = t.get(ReminderLinks);
    const meeting = await run((em) =>
      em.getRepository(Meeting).findOneByOrFail({ tenantId, id: ids.meetingId }),
    );
    return {
      reminderSignupToken: links.signupToken(tenantId, ids.adminMembershipId, meeting),
      remindersCafeOffToken: links.cafeOffToken(tenantId, ids.membershipId, ids.cafeId),
      remindersAllOffToken: links.allOffToken(tenantId, ids.membershipId),
    };
  },
];

export interface SeededTenant {
  tenant: Tenant;
  ids: TenantIds;
  admin: TestMember;
  caregiver: TestMember;
  professional: TestMember;
  /** A string that appears only in this tenant's data (names): must never show on another host. */
  marker: string;
}

/** One tenant with an admin, a professional, a caregiver and a row in every seeded table. */
export async function seedTenant(t: TestApp, slug: string): Promise<SeededTenant> {
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
  for (const seed of TENANT_SEEDERS) {
    const made = await seed({ t, tenant, tenantId, ids, run: (work) => tx.run(tenantId, work) });
    Object.assign(ids, made ?? {});
  }
  const fresh = (await t.get(TenantsService).findById(tenant.id)) ?? tenant;
  return { tenant: fresh, ids, admin, caregiver, professional, marker };
}

/** Tenants A and B, each with data in every tenant table; the suites use B's ids on A's host. */
export async function seedTenantPair(
  t: TestApp,
  slugs: [string, string] = ['gent', 'ieper'],
): Promise<{ a: SeededTenant; b: SeededTenant }> {
  const a = await seedTenant(t, slugs[0]);
  const b = await seedTenant(t, slugs[1]);
  return { a, b };
}
