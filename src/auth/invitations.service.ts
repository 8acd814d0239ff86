import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { asTenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';
import { MailService } from '../mail/mail.service';
import type { Tenant } from '../tenancy/entities/tenant.entity';
import { AuthTokensService } from './auth-tokens.service';
import type { Role } from './entities/membership.entity';
import { normalizeEmail } from './users.service';

/** How long an invitation link stays valid. */
export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

export const ROLE_LABELS: Record<Role, string> = {
  caregiver: 'mantelzorger',
  professional: 'medewerker van de sociale dienst of een partnerorganisatie',
  tenant_admin: 'beheerder van de Mantelzorghub',
};

export interface InviteInput {
  tenant: Tenant;
  email: string;
  role: Role;
  /** Shown in the e-mail: "<name> nodigt je uit". */
  invitedByName: string;
}

/**
 * Invitations to a municipality's hub with a given role (first tenant admin from the platform
 * console, professionals and other admins from the tenant's members page). The e-mailed link
 * proves the address; /uitnodiging/<token> on the municipality's host accepts it.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly tokens: AuthTokensService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async invite(input: InviteInput): Promise<void> {
    const tenantId = asTenantId(input.tenant.id);
    await this.tx.run(tenantId, (em) => this.queueInvite(em, input));
    await this.mail.dispatch(tenantId);
  }

  /**
   * Writes the invitation (token + mail) inside the caller's transaction for `input.tenant`;
   * the caller dispatches the mail queue after commit.
   */
  async queueInvite(em: EntityManager, input: InviteInput): Promise<void> {
    const tenantId = asTenantId(input.tenant.id);
    const email = normalizeEmail(input.email);
    const { raw, token } = await this.tokens.issue(em, {
      purpose: 'invite',
      email,
      hostTenantId: input.tenant.id,
      role: input.role,
      ttlMs: INVITE_TTL_MS,
    });
    await this.mail.queueTenantMail(em, tenantId, {
      key: `invite:${token.id}`,
      to: email,
      subject: `Uitnodiging: doe mee met de Mantelzorghub ${input.tenant.name}`,
      template: 'invite',
      data: {
        tenantName: input.tenant.name,
        invitedByName: input.invitedByName,
        roleLabel: ROLE_LABELS[input.role],
        link: `${this.config.originFor(input.tenant.slug)}/uitnodiging/${raw}`,
        validDays: Math.round(INVITE_TTL_MS / (24 * 3600 * 1000)),
        reason: `Je krijgt deze e-mail omdat ${input.invitedByName} je uitnodigde voor de Mantelzorghub ${input.tenant.name}.`,
      },
    });
  }
}
