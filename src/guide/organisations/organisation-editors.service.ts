import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { MembershipsService } from '../../auth/memberships.service';
import { Clock } from '../../common/clock';
import { isUuid } from '../../common/uuid';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { isUniqueViolation } from '../../database/unique-violation';
import { CareOrganisationChange } from '../common/entities/care-organisation-change.entity';
import { CareOrganisationEditor } from '../common/entities/care-organisation-editor.entity';
import { CareOrganisation } from '../common/entities/care-organisation.entity';
import { ORGANISATION_FIELDS, type OrganisationInput } from './dto/organisation.dto';
import { nameKey } from './organisations.service';

/** A linked professional, as the organisation's admin page lists them. */
export interface OrganisationEditor {
  membershipId: string;
  name: string;
}

/** A proposed change with what it changes, for the admins. */
export interface PendingChange {
  id: string;
  organisationId: string;
  organisationName: string;
  proposedBy: string | null;
  createdAt: Date;
  /** Only the fields that differ. */
  fields: { field: string; before: string; after: string }[];
}

export type DecideResult = 'approved' | 'rejected' | 'not-found' | 'name-taken';

const fieldsOf = (o: Pick<CareOrganisation, (typeof ORGANISATION_FIELDS)[number]>) =>
  Object.fromEntries(ORGANISATION_FIELDS.map((f) => [f, o[f]])) as OrganisationInput;

/**
 * The professionals who keep an organisation's entry up to date (linked by an admin) and the
 * changes they propose, which an admin approves (applied in one update, the name's rule kept) or
 * refuses. A new proposal of the same professional replaces their pending one.
 */
@Injectable()
export class OrganisationEditorsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly memberships: MembershipsService,
    private readonly clock: Clock,
  ) {}

  /** The linked professionals, and the hub's other professionals who could be linked. */
  editors(tenantId: TenantId, organisationId: string) {
    return this.tx.run(tenantId, async (em) => {
      const links = await em
        .getRepository(CareOrganisationEditor)
        .findBy({ tenantId, organisationId });
      const linked = new Set(links.map((l) => l.membershipId));
      const professionals = await this.memberships.withRole(em, tenantId, 'professional');
      return {
        editors: professionals
          .filter((m) => linked.has(m.id))
          .map((m) => ({ membershipId: m.id, name: m.displayName })),
        candidates: professionals
          .filter((m) => !linked.has(m.id))
          .map((m) => ({ membershipId: m.id, name: m.displayName })),
      };
    });
  }

  /** Links a professional of the hub; false when the id is not one (another role, another hub). */
  async link(tenantId: TenantId, organisationId: string, membershipId: string): Promise<boolean> {
    if (!isUuid(organisationId) || !isUuid(membershipId)) return false;
    return this.tx.run(tenantId, async (em) => {
      const member = await this.memberships.find(em, tenantId, membershipId);
      const organisation = await em
        .getRepository(CareOrganisation)
        .existsBy({ tenantId, id: organisationId });
      if (!organisation || member?.role !== 'professional') return false;
      await em
        .getRepository(CareOrganisationEditor)
        .upsert({ tenantId, organisationId, membershipId }, [
          'tenantId',
          'organisationId',
          'membershipId',
        ]);
      return true;
    });
  }

  async unlink(tenantId: TenantId, organisationId: string, membershipId: string): Promise<boolean> {
    if (!isUuid(organisationId) || !isUuid(membershipId)) return false;
    return this.tx.run(tenantId, async (em) => {
      const result = await em
        .getRepository(CareOrganisationEditor)
        .delete({ tenantId, organisationId, membershipId });
      return (result.affected ?? 0) > 0;
    });
  }

  /** Whether this member may propose changes to the organisation. */
  async isEditor(
    tenantId: TenantId,
    organisationId: string,
    membershipId: string,
  ): Promise<boolean> {
    if (!isUuid(organisationId)) return false;
    return this.tx.run(tenantId, (em) =>
      em.getRepository(CareOrganisationEditor).existsBy({ tenantId, organisationId, membershipId }),
    );
  }

  /** Stores a proposal (the whole checked entry, and the entry as it was), replacing their pending one. */
  async propose(
    tenantId: TenantId,
    organisation: CareOrganisation,
    membershipId: string,
    proposed: OrganisationInput,
  ): Promise<void> {
    await this.tx.run(tenantId, async (em) => {
      const changes = em.getRepository(CareOrganisationChange);
      await changes.delete({
        tenantId,
        organisationId: organisation.id,
        proposedBy: membershipId,
        status: 'pending',
      });
      await changes.insert({
        tenantId,
        organisationId: organisation.id,
        proposedBy: membershipId,
        proposed,
        previous: fieldsOf(organisation),
        createdAt: this.clock.now(),
      });
    });
  }

  /** The pending proposals, oldest first, each with the fields it changes against the entry now. */
  pending(tenantId: TenantId): Promise<PendingChange[]> {
    return this.tx.run(tenantId, async (em) => {
      const changes = await em.getRepository(CareOrganisationChange).find({
        where: { tenantId, status: 'pending' },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      if (changes.length === 0) return [];
      const organisations = await em.getRepository(CareOrganisation).findBy({
        tenantId,
        id: In([...new Set(changes.map((c) => c.organisationId))]),
      });
      const byId = new Map(organisations.map((o) => [o.id, o]));
      const people = await this.memberships.findMany(
        em,
        tenantId,
        changes.flatMap((c) => (c.proposedBy ? [c.proposedBy] : [])),
      );
      return changes.flatMap((c) => {
        const current = byId.get(c.organisationId);
        if (!current) return [];
        const now = fieldsOf(current);
        return [
          {
            id: c.id,
            organisationId: c.organisationId,
            organisationName: current.name,
            proposedBy: c.proposedBy ? (people.get(c.proposedBy)?.displayName ?? null) : null,
            createdAt: c.createdAt,
            fields: ORGANISATION_FIELDS.filter((f) => c.proposed[f] !== now[f]).map((f) => ({
              field: f,
              before: now[f],
              after: c.proposed[f] ?? '',
            })),
          },
        ];
      });
    });
  }

  /** Approves (applies the proposed entry) or refuses a pending change, once. */
  async decide(
    tenantId: TenantId,
    changeId: string,
    approve: boolean,
    deciderMembershipId: string | null,
  ): Promise<DecideResult> {
    if (!isUuid(changeId)) return 'not-found';
    try {
      return await this.tx.run(tenantId, async (em) => {
        const changes = em.getRepository(CareOrganisationChange);
        const change = await changes.findOne({
          where: { tenantId, id: changeId, status: 'pending' },
          lock: { mode: 'pessimistic_write' },
        });
        if (!change) return 'not-found';
        if (approve) {
          const proposed = change.proposed as OrganisationInput;
          await em.getRepository(CareOrganisation).update(
            { tenantId, id: change.organisationId },
            {
              ...proposed,
              kind: proposed.kind as CareOrganisation['kind'],
              nameKey: nameKey(proposed.name),
            },
          );
        }
        await changes.update(
          { tenantId, id: changeId },
          {
            status: approve ? 'approved' : 'rejected',
            decidedBy: deciderMembershipId,
            decidedAt: this.clock.now(),
          },
        );
        return approve ? 'approved' : 'rejected';
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_care_organisations_name')) return 'name-taken';
      throw error;
    }
  }
}
