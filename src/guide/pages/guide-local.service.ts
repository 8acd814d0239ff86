import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { isUuid } from '../../common/uuid';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { CaregiverPremium, type PremiumPeriod } from '../common/entities/caregiver-premium.entity';
import { GeneralGuidePage } from '../common/entities/general-guide-page.entity';
import { GuideLocalPart } from '../common/entities/guide-local-part.entity';

/** The municipality's mantelzorgpremie as its admin enters it (checked by premium-form.ts). */
export interface PremiumInput {
  offered: boolean;
  amountCents: number | null;
  period: PremiumPeriod | null;
  conditions: string;
  howToApply: string;
}

/** A general page with the hub's local part under it (null: none written yet). */
export interface PageWithLocalPart {
  page: GeneralGuidePage;
  part: GuideLocalPart | null;
}

/**
 * What a hub adds to the general guide, in its tenant transaction: a local part under a general
 * page (one per page; saving an empty text removes it) and the hub's mantelzorgpremie (one row,
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
      return { page, part };
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
   * Writes (or with an empty body removes) the hub's part under a general page, in one statement
   * each, so two saves at once leave one part. False when the general page does not exist.
   */
  async saveLocalPart(tenantId: TenantId, pageId: string, body: string): Promise<boolean> {
    if (!isUuid(pageId)) return false;
    return this.tx.run(tenantId, async (em) => {
      const page = await em
        .getRepository(GeneralGuidePage)
        .findOne({ where: { id: pageId }, lock: { mode: 'pessimistic_read' } });
      if (!page) return false;
      if (body === '') {
        await em.getRepository(GuideLocalPart).delete({ tenantId, pageId });
        return true;
      }
      await em.query(
        `insert into guide_local_parts (tenant_id, page_id, body) values ($1, $2, $3)
         on conflict on constraint uq_guide_local_parts_page
         do update set body = excluded.body, updated_at = $4`,
        [tenantId, pageId, body, this.clock.now()],
      );
      return true;
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
