import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { asTenantId, type TenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';
import { QUEUES } from '../jobs/job-defaults';
import { MailService, type MailMessage } from '../mail/mail.service';
import type { Tenant } from '../tenancy/entities/tenant.entity';
import type { Site } from '../tenancy/request-context';
import { TenantsService } from '../tenancy/tenants.service';
import { AuthTokensService } from './auth-tokens.service';
import { AuthToken } from './entities/auth-token.entity';
import {
  ACCOUNT_JOBS,
  type RegisterJobData,
  type SendLinkJobData,
} from './jobs/accounts.constants';
import { Membership, type Role } from './entities/membership.entity';
import { User } from './entities/user.entity';
import { MembershipsService } from './memberships.service';
import { UsersService, normalizeEmail } from './users.service';

const MINUTE = 60_000;
export const TOKEN_TTL = {
  verify: 48 * 60 * MINUTE,
  join: 48 * 60 * MINUTE,
  login: 15 * MINUTE,
  reset: 60 * MINUTE,
} as const;

/**
 * Options of the accounts jobs a form queues. The id is a fresh uuid, not BullMQ's counter: it
 * keys the outbox row, and a counter that restarts with an emptied Redis would collide with the
 * keys of mails already sent (and the new mail would be skipped as a duplicate). The payload
 * holds an address: gone from Redis once done.
 */
const oneOffJob = () => ({
  jobId: randomUUID(),
  removeOnComplete: true,
  removeOnFail: { age: 24 * 3600 },
});

const ROLE_RANK: Record<Role, number> = { caregiver: 0, professional: 1, tenant_admin: 2 };

export interface InvitationInfo {
  email: string;
  role: Role;
  accountExists: boolean;
}

/**
 * The e-mail based flows of accounts: registration with verification, joining another
 * municipality, login links, password reset, invitations. Every flow that sends mail writes the
 * outbox row in the same transaction as its token and dispatches after commit. The forms that
 * anyone can fill in with any address (registration, login link, reset) only queue an `accounts`
 * job; the job does the lookup and the mail after the answer (src/auth/jobs). argon2 work is
 * done by the caller before any transaction starts.
 */
@Injectable()
export class AuthFlowsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TenantTransaction,
    private readonly tokens: AuthTokensService,
    private readonly users: UsersService,
    private readonly memberships: MembershipsService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly tenants: TenantsService,
    @InjectQueue(QUEUES.accounts)
    private readonly accountsQueue: Queue<SendLinkJobData | RegisterJobData>,
  ) {}

  // ---- helpers -------------------------------------------------------------------------------

  private hostTenantId(site: Site): string | null {
    return site.kind === 'tenant' ? site.tenant.id : null;
  }

  private origin(site: Site): string {
    return this.config.originFor(site.kind === 'tenant' ? site.tenant.slug : null);
  }

  /** The site's transaction: a tenant transaction on a municipality host, a plain one on the platform. */
  private inSite<T>(
    site: Site,
    work: (em: EntityManager, tenantId: TenantId | null) => Promise<T>,
  ): Promise<T> {
    if (site.kind === 'tenant') {
      const tenantId = asTenantId(site.tenant.id);
      return this.tx.run(tenantId, (em) => work(em, tenantId));
    }
    return this.dataSource.transaction((em) => work(em, null));
  }

  private async queue(
    em: EntityManager,
    site: Site,
    message: Omit<MailMessage, 'data'> & { data: Record<string, unknown> },
  ): Promise<void> {
    const tenantName = site.kind === 'tenant' ? site.tenant.name : null;
    const data = {
      subject: message.subject,
      tenantName,
      siteName: tenantName ? `Mantelzorghub ${tenantName}` : 'Mantelzorghub',
      reason: `Je krijgt deze e-mail omdat iemand dit e-mailadres invulde op ${tenantName ? `de Mantelzorghub ${tenantName}` : 'de Mantelzorghub'}. Was jij dat niet? Dan mag je deze e-mail negeren: er gebeurt niets.`,
      ...message.data,
    };
    if (site.kind === 'tenant')
      await this.mail.queueTenantMail(em, asTenantId(site.tenant.id), { ...message, data });
    else await this.mail.queuePlatformMail(em, { ...message, data });
  }

  private dispatch(site: Site): Promise<void> {
    return this.mail.dispatch(site.kind === 'tenant' ? asTenantId(site.tenant.id) : null);
  }

  private async markVerified(
    em: EntityManager,
    user: User,
    extra: Partial<User> = {},
  ): Promise<User> {
    const values: Partial<User> = { ...extra };
    if (!user.emailVerifiedAt) values.emailVerifiedAt = new Date();
    if (Object.keys(values).length > 0) await this.users.update(user.id, values, em);
    return em.getRepository(User).findOneOrFail({ where: { id: user.id } });
  }

  // ---- registration and joining ------------------------------------------------------------

  /**
   * The registration form: queue the work, the same for every address (as `requestLink`). The
   * verification token's id is chosen here, so the caller can bind the typed password to it in
   * this browser's session before anyone knows whether the address is new.
   */
  async requestRegistration(
    tenant: Tenant,
    input: { email: string; displayName: string },
  ): Promise<{ verifyTokenId: string }> {
    const verifyTokenId = randomUUID();
    await this.accountsQueue.add(
      ACCOUNT_JOBS.register,
      {
        hostTenantId: tenant.id,
        email: normalizeEmail(input.email),
        displayName: input.displayName,
        verifyTokenId,
      },
      oneOffJob(),
    );
    return { verifyTokenId };
  }

  /**
   * The `register` job. Whatever the address, the person saw the same "check your mail" page;
   * the mail differs: a verification link for a new address (its token gets `verifyTokenId`),
   * an offer to join this municipality for an existing account, or a reminder how to log in
   * when it is already a member. `jobKey` keys the outbox rows, so a retried job mails once.
   */
  async register(data: RegisterJobData, jobKey: string): Promise<boolean> {
    const tenant = await this.tenants.findById(data.hostTenantId);
    if (!tenant || tenant.status !== 'active') return false;
    const site: Site = { kind: 'tenant', tenant };
    const tenantId = asTenantId(tenant.id);
    const email = normalizeEmail(data.email);
    const origin = this.origin(site);
    await this.tx.run(tenantId, async (em) => {
      const user = await this.users.findByEmail(email, em);
      if (user?.emailVerifiedAt) {
        const member = await em
          .getRepository(Membership)
          .findOne({ where: { tenantId, userId: user.id } });
        if (member) {
          await this.queue(em, site, {
            key: `already-member:${jobKey}`,
            to: email,
            subject: `Je hebt al een account bij de Mantelzorghub ${tenant.name}`,
            template: 'join',
            data: {
              alreadyMember: true,
              loginUrl: `${origin}/inloggen`,
              linkUrl: `${origin}/inloggen/link`,
              resetUrl: `${origin}/wachtwoord-vergeten`,
            },
          });
          return;
        }
        const { raw } = await this.tokens.issue(em, {
          purpose: 'join',
          email,
          userId: user.id,
          hostTenantId: tenant.id,
          displayName: data.displayName,
          ttlMs: TOKEN_TTL.join,
        });
        await this.queue(em, site, {
          key: `join:${jobKey}`,
          to: email,
          subject: `Doe mee met de Mantelzorghub ${tenant.name} met je bestaande account`,
          template: 'join',
          data: {
            alreadyMember: false,
            link: `${origin}/aansluiten/${raw}`,
            validHours: TOKEN_TTL.join / 60 / MINUTE,
          },
        });
        return;
      }
      // A retry of a job whose work committed: the token (and its mail) exist already.
      if (await em.getRepository(AuthToken).existsBy({ id: data.verifyTokenId })) return;
      const { raw } = await this.tokens.issue(em, {
        id: data.verifyTokenId,
        purpose: 'verify',
        email,
        userId: user?.id ?? null,
        hostTenantId: tenant.id,
        displayName: data.displayName,
        ttlMs: TOKEN_TTL.verify,
      });
      await this.queue(em, site, {
        key: `verify:${data.verifyTokenId}`,
        to: email,
        subject: `Bevestig je e-mailadres voor de Mantelzorghub ${tenant.name}`,
        template: 'verify',
        data: {
          displayName: data.displayName,
          link: `${origin}/bevestigen/${raw}`,
          validHours: TOKEN_TTL.verify / 60 / MINUTE,
        },
      });
    });
    await this.dispatch(site);
    return true;
  }

  /** The pending registration behind a verification link (not used up). */
  async findToken(
    site: Site,
    purpose: 'verify' | 'join' | 'login' | 'reset' | 'invite',
    raw: string,
  ) {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return null;
    return this.tokens.find(purpose, raw, this.hostTenantId(site));
  }

  /**
   * Uses up a verification link: the account exists and is verified, the person is a caregiver
   * of this municipality. The password (hash) is set only when the account has none.
   */
  async confirmRegistration(
    tenant: Tenant,
    raw: string,
    password: (tokenId: string) => string | null,
  ): Promise<User | null> {
    const tenantId = asTenantId(tenant.id);
    return this.tx.run(tenantId, async (em) => {
      const token = await this.tokens.consume(em, 'verify', raw, tenant.id);
      if (!token) return null;
      const passwordHash = password(token.id);
      let user = await this.users.findOrCreate(em, token.email, {
        emailVerifiedAt: new Date(),
        passwordHash,
      });
      user = await this.markVerified(
        em,
        user,
        !user.passwordHash && passwordHash ? { passwordHash } : {},
      );
      await this.memberships.ensure(em, tenantId, user.id, {
        role: 'caregiver',
        displayName: token.displayName ?? token.email.split('@')[0],
        termsAcceptedAt: new Date(),
      });
      return user;
    });
  }

  /** Uses up a "join this municipality" link: the e-mailed link proves the address. */
  async joinWithToken(tenant: Tenant, raw: string): Promise<User | null> {
    const tenantId = asTenantId(tenant.id);
    return this.tx.run(tenantId, async (em) => {
      const token = await this.tokens.consume(em, 'join', raw, tenant.id);
      if (!token) return null;
      const found = await this.users.findByEmail(token.email, em);
      if (!found) return null;
      const user = await this.markVerified(em, found);
      await this.memberships.ensure(em, tenantId, user.id, {
        role: 'caregiver',
        displayName: token.displayName ?? token.email.split('@')[0],
        termsAcceptedAt: new Date(),
      });
      return user;
    });
  }

  /** A logged-in person joins this municipality as a caregiver. */
  async join(tenant: Tenant, userId: string, displayName: string): Promise<void> {
    const tenantId = asTenantId(tenant.id);
    await this.tx.run(tenantId, (em) =>
      this.memberships.ensure(em, tenantId, userId, {
        role: 'caregiver',
        displayName,
        termsAcceptedAt: new Date(),
      }),
    );
  }

  // ---- login links and password reset ---------------------------------------------------

  /**
   * The login-link and reset forms: queue the work, the same for every address. Looking the
   * address up, issuing the token and writing the mail happen in the job (`sendLink`), after the
   * answer, so neither the answer nor its timing tells whether the address has an account.
   */
  async requestLink(site: Site, purpose: 'login' | 'reset', rawEmail: string): Promise<void> {
    await this.accountsQueue.add(
      ACCOUNT_JOBS.sendLink,
      { purpose, hostTenantId: this.hostTenantId(site), email: normalizeEmail(rawEmail) },
      oneOffJob(),
    );
  }

  /**
   * The `send-link` job: mails a one-time link when an account has this address, nothing
   * otherwise. `jobKey` keys the outbox row, so a retried job mails once. True when mailed.
   */
  async sendLink(data: SendLinkJobData, jobKey: string): Promise<boolean> {
    let site: Site = { kind: 'platform' };
    if (data.hostTenantId) {
      const tenant = await this.tenants.findById(data.hostTenantId);
      if (!tenant || tenant.status !== 'active') return false;
      site = { kind: 'tenant', tenant };
    }
    const siteName = site.kind === 'tenant' ? `Mantelzorghub ${site.tenant.name}` : 'Mantelzorghub';
    const messages = {
      login: (raw: string, email: string): MailMessage => ({
        key: `login:${jobKey}`,
        to: email,
        subject: `Je link om in te loggen op de ${siteName}`,
        template: 'login-link',
        data: {
          link: `${this.origin(site)}/inloggen/link/${raw}`,
          validMinutes: TOKEN_TTL.login / MINUTE,
        },
      }),
      reset: (raw: string, email: string): MailMessage => ({
        key: `reset:${jobKey}`,
        to: email,
        subject: 'Kies een nieuw wachtwoord',
        template: 'reset',
        data: {
          link: `${this.origin(site)}/wachtwoord-vergeten/${raw}`,
          validMinutes: TOKEN_TTL.reset / MINUTE,
        },
      }),
    };
    const email = normalizeEmail(data.email);
    const user = await this.users.findByEmail(email);
    if (!user) return false;
    await this.inSite(site, async (em) => {
      const { raw } = await this.tokens.issue(em, {
        purpose: data.purpose,
        email,
        userId: user.id,
        hostTenantId: this.hostTenantId(site),
        ttlMs: TOKEN_TTL[data.purpose],
      });
      await this.queue(em, site, messages[data.purpose](raw, email));
    });
    await this.dispatch(site);
    return true;
  }

  /** Uses up a login link of this host; the link also proves the address. */
  async loginWithLink(site: Site, raw: string): Promise<User | null> {
    return this.inSite(site, async (em) => {
      const user = await this.consumeForAccount(em, site, 'login', raw);
      return user ? this.markVerified(em, user) : null;
    });
  }

  /** Sets the new password (hash made by the caller) and ends every session and open link. */
  async resetPassword(site: Site, raw: string, passwordHash: string): Promise<User | null> {
    return this.inSite(site, async (em) => {
      const user = await this.consumeForAccount(em, site, 'reset', raw);
      if (!user) return null;
      await this.tokens.revokeLinks(em, user.id);
      return this.markVerified(em, user, { passwordHash, sessionsValidAfter: new Date() });
    });
  }

  /**
   * A password change (with the new hash) or "log out everywhere" (without): every session of
   * the account made before now is void, and so is every login or reset link still open.
   * Returns the new `sessionsValidAfter`.
   */
  async endSessions(userId: string, values: { passwordHash?: string } = {}): Promise<Date> {
    const sessionsValidAfter = new Date();
    await this.dataSource.transaction(async (em) => {
      await this.users.update(userId, { ...values, sessionsValidAfter }, em);
      await this.tokens.revokeLinks(em, userId);
    });
    return sessionsValidAfter;
  }

  /** Uses up a link of this host and purpose; the account it was made for, or null. */
  private async consumeForAccount(
    em: EntityManager,
    site: Site,
    purpose: 'login' | 'reset',
    raw: string,
  ): Promise<User | null> {
    const token = await this.tokens.consume(em, purpose, raw, this.hostTenantId(site));
    if (!token?.userId) return null;
    return em.getRepository(User).findOne({ where: { id: token.userId } });
  }

  // ---- invitations -------------------------------------------------------------------------

  async invitationInfo(tenant: Tenant, raw: string): Promise<InvitationInfo | null> {
    const token = await this.findToken({ kind: 'tenant', tenant }, 'invite', raw);
    if (!token?.role) return null;
    const user = await this.users.findByEmail(token.email);
    return { email: token.email, role: token.role, accountExists: Boolean(user) };
  }

  /**
   * Accepts an invitation: creates the (verified) account when needed, then the membership with
   * the invited role, or raises the role of an existing lower membership (never lowers it).
   */
  async acceptInvitation(
    tenant: Tenant,
    raw: string,
    input: { displayName: string; passwordHash: string | null },
  ): Promise<{ user: User; role: Role } | null> {
    const tenantId = asTenantId(tenant.id);
    return this.tx.run(tenantId, async (em) => {
      const token = await this.tokens.consume(em, 'invite', raw, tenant.id);
      if (!token?.role) return null;
      let user = await this.users.findOrCreate(em, token.email, {
        emailVerifiedAt: new Date(),
        passwordHash: input.passwordHash,
      });
      user = await this.markVerified(
        em,
        user,
        !user.passwordHash && input.passwordHash ? { passwordHash: input.passwordHash } : {},
      );
      const repo = em.getRepository(Membership);
      const existing = await repo.findOne({ where: { tenantId, userId: user.id } });
      let role: Role = token.role;
      if (!existing) {
        await repo.insert({
          tenantId,
          userId: user.id,
          role,
          displayName: input.displayName,
          termsAcceptedAt: new Date(),
        });
      } else if (ROLE_RANK[token.role] > ROLE_RANK[existing.role]) {
        await repo.update(
          { tenantId, id: existing.id },
          { role, termsAcceptedAt: existing.termsAcceptedAt ?? new Date() },
        );
      } else {
        role = existing.role;
      }
      return { user, role };
    });
  }

  // ---- account -----------------------------------------------------------------------------

  async updateProfile(
    tenant: Tenant,
    userId: string,
    values: { displayName: string; phone: string | null },
  ): Promise<void> {
    const tenantId = asTenantId(tenant.id);
    await this.tx.run(tenantId, (em) =>
      em.getRepository(Membership).update({ tenantId, userId }, values),
    );
  }
}
