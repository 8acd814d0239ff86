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
import { Meeting } from '../../src/cafes/common/entities/meeting.entity';
import { ReminderLinks } from '../../src/cafes/reminders/reminder-links';
import { SignupsService } from '../../src/cafes/signups/signups.service';
import { Signup } from '../../src/cafes/signups/entities/signup.entity';
import { createMember, createTenant, type TestMember } from './factories';
import type { TestApp } from './test-app';

/**
 * The tenant-isolation registry (test/isolation.e2e-spec.ts). Each route below is requested on
 * A's host by its actor (a member of A) with the ids of tenant B's rows and must answer 404: never
 * B's data, never a 500. Routes with two ids are also requested with A's id in one place and B's
 * in the others (A's café slug with B's meeting key). Then, as a positive control, each route with
 * A's own ids must answer `expect` (200 unless said), so a 404 above means "not yours", not "no
 * such route" or "not signed in". Each feature adds ONE line per route that takes an id, and one
 * seeder (below) that makes the rows those ids point at. A route with a parameter that is neither
 * here nor in NOT_TENANT_ROUTES fails the coverage test.
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
}

const NEW_PASSWORD = 'Een-nieuw-wachtwoord-2027';
const host = { participant: 'cafeHost' } as const;

// prettier-ignore
export const TENANT_ROUTES: TenantRoute[] = [
  { method: 'GET', path: (ids) => `/beheer/leden/${ids.membershipId}`, actor: 'tenant_admin' },
  { method: 'POST', path: (ids) => `/beheer/leden/${ids.membershipId}/rol`, actor: 'tenant_admin', body: () => ({ role: 'caregiver' }), expect: 303 },
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
  // Cafés: the positive control runs these in order with A's own ids (edit before cancel).
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}`, actor: 'anonymous' },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}`, actor: 'anonymous' },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}.ics`, actor: 'anonymous' },
  // Theme wishes and the host dashboard (before the meeting is cancelled below: attaching needs it;
  // the author withdraws the wish last).
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/wensen`, actor: 'anonymous' },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/wensen`, actor: 'caregiver', body: () => ({ kind: 'theme', text: 'Slapen als je zorgt' }), expect: 303 },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/wensen/${ids.wishId}/stem`, actor: 'professional', expect: 303 },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/aanmeldingen`, actor: host },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/${ids.meetingKey}/aanwezigheidslijst`, actor: host },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/${ids.meetingKey}/aanmeldingen.csv`, actor: host },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/wensen`, actor: host },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/wensen/${ids.wishId}/koppelen`, actor: host, body: (ids) => ({ bijeenkomst: ids.meetingKey }), expect: 303 },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/wensen/${ids.wishId}/intrekken`, actor: { participant: 'wishAuthor' }, expect: 303 },
  // Sign-up, cancel, follow (before the meeting is cancelled below) and the signed one-click cancel link.
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/aanmelden`, actor: 'professional', body: () => ({ companions: '1', transport: '1' }), expect: 303 },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/afmelden`, actor: 'professional', expect: 303 },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/volgen`, actor: 'professional', expect: 303 },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/ontvolgen`, actor: 'professional', expect: 303 },
  { method: 'GET', path: (ids) => `/e/afmelden/${ids.signupCancelToken}`, actor: 'anonymous' },
  { method: 'POST', path: (ids) => `/e/afmelden/${ids.signupCancelToken}`, actor: 'anonymous' },
  // The one-click links of a reminder mail (sign up, stop this café, stop all), bound to their municipality.
  { method: 'GET', path: (ids) => `/e/aanmelden/${ids.reminderSignupToken}`, actor: 'anonymous' },
  { method: 'POST', path: (ids) => `/e/aanmelden/${ids.reminderSignupToken}`, actor: 'anonymous' },
  { method: 'GET', path: (ids) => `/e/herinneringen/${ids.remindersCafeOffToken}`, actor: 'anonymous' },
  { method: 'POST', path: (ids) => `/e/herinneringen/${ids.remindersCafeOffToken}`, actor: 'anonymous' },
  { method: 'GET', path: (ids) => `/e/herinneringen-alle/${ids.remindersAllOffToken}`, actor: 'anonymous' },
  { method: 'POST', path: (ids) => `/e/herinneringen-alle/${ids.remindersAllOffToken}`, actor: 'anonymous' },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer`, actor: host },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/nieuwe-bijeenkomst`, actor: host },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/nieuwe-bijeenkomst`, actor: host, body: meetingBody, expect: 303 },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/bewerken`, actor: host },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/bewerken`, actor: host, body: meetingBody, expect: 303 },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/annuleren`, actor: host },
  { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/annuleren`, actor: host, expect: 303 },
  { method: 'GET', path: (ids) => `/beheer/cafes/${ids.cafeSlug}`, actor: 'tenant_admin' },
  { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}`, actor: 'tenant_admin', body: (ids) => cafeForm({ slug: ids.cafeSlug, name: 'Mantelzorgcafé Centrum' }), expect: 303 },
  { method: 'GET', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep`, actor: 'tenant_admin' },
  { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep/${ids.cafeHostId}/verwijderen`, actor: 'tenant_admin', expect: 303 },
  { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep`, actor: 'tenant_admin', body: (ids) => ({ membershipId: ids.membershipId }), expect: 303 },
  { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/foto`, actor: 'anonymous' },
  { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/foto`, actor: 'tenant_admin', body: () => ({ photoAlt: 'De ingang van het dienstencentrum' }), expect: 303 },
  { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/foto/verwijderen`, actor: 'tenant_admin', expect: 303 },
];

/**
 * Routes with a parameter that are not in TENANT_ROUTES, with the reason (one line each), so the
 * coverage test knows they were considered. Key: method and the Express path as declared.
 */
// prettier-ignore
export const NOT_TENANT_ROUTES: Record<string, string> = {};

/**
 * Global tables (no tenant_id, no RLS) and which of their rows belong to one tenant (`$1` is the
 * tenant's id), or null for the whole table when no request on a hub may touch it at all. The
 * isolation suite fingerprints these rows of B too; a global table missing here fails it.
 */
// prettier-ignore
export const GLOBAL_TABLE_ROWS: Record<string, string | null> = {
  tenants: 'id = $1',
  users: 'id in (select user_id from memberships where tenant_id = $1)',
  auth_tokens: 'host_tenant_id = $1',
  sessions: `sess->>'siteKey' = 'tenant:' || $1`,
  platform_outbox_messages: null,
  onboarding_requests: null,
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
  // cafes, cafe_hosts, meetings, cafe_follows, signups, wishes, wish_votes: the caregiver hosts the
  // café, wrote the wish and signed up.
  async (ctx) => {
    const ids = await seedCafeRows(ctx);
    ctx.participants.cafeHost = ctx.members.caregiver;
    ctx.participants.wishAuthor = ctx.members.caregiver;
    return ids;
  },
  // A meeting key is its date, so both tenants' rule meetings have the same keys: A's slug with
  // B's key would find A's own meeting. The routes use a one-off meeting on a day of this tenant's
  // own instead (the caregiver signed up to it, so its lists show a name).
  async ({ t, tenantId, ids, ordinal, run }) => {
    const cafes = t.get(CafesService);
    return run(async (em) => {
      const rule = await em.getRepository(Meeting).findOneByOrFail({ tenantId, id: ids.meetingId });
      const cafe = (await cafes.findCafe(em, tenantId, ids.cafeSlug))!;
      const day = 24 * 3_600_000 * (ordinal + 1);
      const meeting = await cafes.addMeeting(em, tenantId, cafe, {
        theme: 'Een extra bijeenkomst',
        speaker: null,
        speakerExpertise: null,
        description: '',
        startsAt: new Date(rule.startsAt.getTime() + day),
        endsAt: new Date(rule.endsAt.getTime() + day),
        capacity: 20,
      });
      await em.getRepository(Signup).insert({
        tenantId,
        meetingId: meeting.id,
        membershipId: ids.membershipId,
        companions: 0,
        status: 'confirmed',
      });
      return { meetingId: meeting.id, meetingKey: meeting.key };
    });
  },
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
