import { isUniqueViolation } from '../database/unique-violation';
import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvitationsService } from '../auth/invitations.service';
import type { SessionUser } from '../auth/passport.setup';
import { Tenant, TenantStatus } from '../tenancy/entities/tenant.entity';
import { TenantsService } from '../tenancy/tenants.service';
import { asTenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';
import { MailService } from '../mail/mail.service';
import type { CreateTenantDto } from './dto/create-tenant.dto';
import { OnboardingRequest } from './entities/onboarding-request.entity';
import { UUID } from '../common/uuid';

/** Who invites, in the invitation mail: "<name> nodigt je uit". */
const PLATFORM_TEAM = 'Het Mantelzorghub-team';

/** A problem with one field of the "Nieuwe gemeente" form, found while creating. */
export class CreateTenantProblem extends Error {
  constructor(
    readonly field: keyof CreateTenantDto,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The platform admin console's work: onboarding requests and municipalities (create, suspend,
 * reactivate). Global tables only; a new municipality's first admin is invited through
 * InvitationsService.
 */
@Injectable()
export class PlatformAdminService {
  private readonly logger = new Logger(PlatformAdminService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly invitations: InvitationsService,
    private readonly tx: TenantTransaction,
    private readonly mail: MailService,
  ) {}

  openRequests(): Promise<OnboardingRequest[]> {
    return this.dataSource
      .getRepository(OnboardingRequest)
      .find({ where: { status: 'new' }, order: { createdAt: 'ASC' } });
  }

  /** The request, or a 404 (also for an id that is no uuid). */
  async request(id: string): Promise<OnboardingRequest> {
    const found = UUID.test(id)
      ? await this.dataSource.getRepository(OnboardingRequest).findOne({ where: { id } })
      : null;
    if (!found) throw new NotFoundException();
    return found;
  }

  /** Marks a new request declined; false when someone handled it already. */
  async decline(id: string, by: SessionUser): Promise<boolean> {
    await this.request(id);
    const result = await this.dataSource
      .getRepository(OnboardingRequest)
      .update(
        { id, status: 'new' },
        { status: 'declined', handledAt: new Date(), handledByUserId: by.id },
      );
    return (result.affected ?? 0) > 0;
  }

  listTenants(): Promise<Tenant[]> {
    return this.tenants.listAll();
  }

  /** The municipality by its slug, uncached (the console shows the truth), or a 404. */
  async tenant(slug: string): Promise<Tenant> {
    const found = await this.tenants.findBySlugUncached(slug);
    if (!found) throw new NotFoundException();
    return found;
  }

  /** The municipality with this id, if it (still) exists. */
  tenantById(id: string): Promise<Tenant | null> {
    return this.tenants.findById(id);
  }

  /**
   * Creates the municipality and invites its first tenant_admin, all or nothing: the tenant row,
   * the accepted request, the invitation token and its mail are written in one transaction.
   */
  async createTenant(input: CreateTenantDto, by: SessionUser): Promise<Tenant> {
    const request = input.requestId ? await this.request(input.requestId) : null;
    if (request && request.status !== 'new') {
      throw new CreateTenantProblem(
        'requestId',
        'Deze aanvraag is al behandeld. Maak de gemeente aan zonder aanvraag, of kies een andere aanvraag.',
      );
    }
    let tenant: Tenant;
    try {
      tenant = await this.tx.createTenantAndRun(
        async (em) => {
          const taken = await this.tenants.findBySlugUncached(input.slug, em);
          if (taken) throw this.slugTaken(input.slug, taken.name);
          const created = await this.tenants.create(
            {
              slug: input.slug,
              name: input.name,
              nisCode: input.nisCode ? input.nisCode : null,
              province: input.province,
              contactEmail: input.contactEmail.toLowerCase(),
              status: 'active',
            },
            em,
          );
          if (request) {
            const accepted = await em.getRepository(OnboardingRequest).update(
              { id: request.id, status: 'new' },
              {
                status: 'accepted',
                handledAt: new Date(),
                handledByUserId: by.id,
                createdTenantId: created.id,
              },
            );
            if (!accepted.affected) {
              throw new CreateTenantProblem('requestId', 'Deze aanvraag is intussen al behandeld.');
            }
          }
          return created;
        },
        async (em, created) => {
          await this.invitations.queueInvite(em, {
            tenant: created,
            email: input.adminEmail,
            role: 'tenant_admin',
            invitedByName: PLATFORM_TEAM,
          });
          return created;
        },
      );
    } catch (e) {
      if (isUniqueViolation(e, 'uq_tenants_slug')) throw this.slugTaken(input.slug);
      throw e;
    } finally {
      // The cache may have remembered "no such municipality" while the transaction ran.
      await this.tenants.announceChange();
    }
    await this.mail.dispatch(asTenantId(tenant.id));
    this.logger.log(`tenant ${tenant.slug} created`);
    return tenant;
  }

  private slugTaken(slug: string, name?: string): CreateTenantProblem {
    return new CreateTenantProblem(
      'slug',
      `Het webadres "${slug}" is al in gebruik${name ? ` door ${name}` : ''}. Kies een ander webadres.`,
    );
  }

  /** Invites a tenant_admin for an existing municipality (a first admin who never accepted, a successor). */
  async inviteAdmin(slug: string, email: string): Promise<Tenant> {
    const tenant = await this.tenant(slug);
    await this.invitations.invite({
      tenant,
      email,
      role: 'tenant_admin',
      invitedByName: PLATFORM_TEAM,
    });
    return tenant;
  }

  /** Suspends or reactivates; every web node drops the municipality from its cache at once. */
  async setStatus(slug: string, status: TenantStatus): Promise<Tenant> {
    const tenant = await this.tenant(slug);
    if (tenant.status !== status) {
      await this.tenants.update(tenant.id, { status });
      this.logger.log(`tenant ${tenant.slug} is now ${status}`);
    }
    return { ...tenant, status } as Tenant;
  }
}
