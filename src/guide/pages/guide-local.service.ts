import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { isUuid } from '../../common/uuid';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { CaregiverPremium, type PremiumPeriod } from '../common/entities/caregiver-premium.entity';
import { GeneralGuidePage } from '../common/entities/general-guide-page.entity';
import { GuideLocalPartOrganisation } from '../common/entities/guide-local-part-organisation.entity';
import { GuideLocalPart } from '../common/entities/guide-local-part.entity';
import { CareOrganisation } from '../common/entities/care-organisation.entity';
import { In } from 'typeorm';

/** The municipality's mantelzorgpremie as its admin enters it (checked by premium-form.ts). */
export interface PremiumInput {
  offered: boolean;
  amountCents: number | null;
  period: PremiumPeriod | null;
  conditions: string;
  howToApply: string;
}

/** An organisation of the hub's directory as a local part names it. */
export interface PartOrganisation {
  id: string;
  name: string;
}

/** A general page with the hub's local part under it (null: none written yet). */
export interface PageWithLocalPart {
  page: GeneralGuidePage;
  part: GuideLocalPart | null;
  /** The directory's organisations the part names (ids), and all the hub has, by name. */
  linked: string[];
  organisations: PartOrganisation[];
}

export type SaveLocalPartResult = 'saved' | 'removed' | 'not-found' | 'unknown-organisation';

/**
 * What a hub adds to the general guide, in its tenant transaction: a local part under a general
 * page (one per page, naming organisations of the hub's directory; saving it empty removes it) and the hub's mantelzorgpremie (one row,
 * entered once: the guide's premium page shows it, the staff forum will read it from here).
 */
@Injectable()
export class GuideLocalService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
  ) {}

  /** The general page and the hub's part under it; null when there is no such general page. */
  async localPart(tenantId: TenantId, pageId: string): Promise<PageWithLocalPart | null> {
    if (!isUuid(pageId)) return null;
    return this.tx.run(tenantId, async (em) => {
      const page = await em.getRepository(GeneralGuidePage).findOneBy({ id: pageId });
      if (!page) return null;
      const part = await em.getRepository(GuideLocalPart).findOneBy({ tenantId, pageId });
      const linked = part
        ? await em
            .getRepository(GuideLocalPartOrganisation)
            .findBy({ tenantId, localPartId: part.id })
        : [];
      const organisations = await em.getRepository(CareOrganisation).find({
        select: { id: true, name: true },
        where: { tenantId },
        order: { nameKey: 'ASC' },
      });
      return { page, part, linked: linked.map((l) => l.organisationId), organisations };
    });
  }

  /** Which general pages have a part of this hub (their ids). */
  pagesWithPart(tenantId: TenantId): Promise<Set<string>> {
    return this.tx.run(tenantId, async (em) => {
      const parts = await em
        .getRepository(GuideLocalPart)
        .find({ select: { pageId: true }, where: { tenantId } });
      return new Set(parts.map((p) => p.pageId));
    });
  }

  /**
   * Writes the hub's part under a general page with the organisations it names (replaced as a
   * whole), in the hub's transaction; an empty text without organisations removes the part. The
   * part is one upsert, so two saves at once leave one part. Organisations must be the hub's.
   */
  async saveLocalPart(
    tenantId: TenantId,
    pageId: string,
    body: string,
    organisationIds: string[] = [],
  ): Promise<SaveLocalPartResult> {
    if (!isUuid(pageId)) return 'not-found';
    if (!organisationIds.every(isUuid)) return 'unknown-organisation';
    return this.tx.run(tenantId, async (em) => {
      const page = await em
        .getRepository(GeneralGuidePage)
        .findOne({ where: { id: pageId }, lock: { mode: 'pessimistic_read' } });
      if (!page) return 'not-found';
      if (body === '' && organisationIds.length === 0) {
        await em.getRepository(GuideLocalPart).delete({ tenantId, pageId });
        return 'removed';
      }
      const known = await em
        .getRepository(CareOrganisation)
        .countBy({ tenantId, id: In(organisationIds) });
      if (known !== new Set(organisationIds).size) return 'unknown-organisation';
      const [part] = await em.query<{ id: string }[]>(
        `insert into guide_local_parts (tenant_id, page_id, body) values ($1, $2, $3)
         on conflict on constraint uq_guide_local_parts_page
         do update set body = excluded.body, updated_at = $4
         returning id`,
        [tenantId, pageId, body, this.clock.now()],
      );
      const links = em.getRepository(GuideLocalPartOrganisation);
      await links.delete({ tenantId, localPartId: part.id });
      if (organisationIds.length > 0)
        await links.insert(
          [...new Set(organisationIds)].map((organisationId) => ({
            tenantId,
            localPartId: part.id,
            organisationId,
          })),
        );
      return 'saved';
    });
  }

  /** The hub's premium, or null when its admin has not filled it in. */
  premium(tenantId: TenantId): Promise<CaregiverPremium | null> {
    return this.tx.run(tenantId, (em) =>
      em.getRepository(CaregiverPremium).findOneBy({ tenantId }),
    );
  }

  async savePremium(tenantId: TenantId, input: PremiumInput): Promise<void> {
    await this.tx.run(tenantId, (em) =>
      em
        .getRepository(CaregiverPremium)
        .upsert({ tenantId, ...input, updatedAt: this.clock.now() }, ['tenantId']),
    );
  }
}
