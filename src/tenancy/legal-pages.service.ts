import { Injectable } from '@nestjs/common';
import type { TenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';
import { LegalPage, LegalPageKind } from './entities/legal-page.entity';
import type { Tenant } from './entities/tenant.entity';
import { DEFAULT_TEXT_DATE, defaultLegalText } from './legal-pages.templates';

export interface LegalText {
  kind: LegalPageKind;
  body: string;
  /** True when the municipality wrote its own text; false for the generated one. */
  custom: boolean;
  updatedAt: Date;
}

/** The privacy and accessibility statements of a municipality: its own text or the template. */
@Injectable()
export class LegalPagesService {
  constructor(private readonly tx: TenantTransaction) {}

  async textFor(tenantId: TenantId, tenant: Tenant, kind: LegalPageKind): Promise<LegalText> {
    const own = await this.tx.run(tenantId, (em) =>
      em.getRepository(LegalPage).findOne({ where: { tenantId, kind } }),
    );
    if (own) return { kind, body: own.body, custom: true, updatedAt: own.updatedAt };
    return {
      kind,
      body: defaultLegalText(kind, tenant),
      custom: false,
      updatedAt: DEFAULT_TEXT_DATE,
    };
  }

  /** Which of the two statements have an own text (for the admin overview). */
  async customKinds(tenantId: TenantId): Promise<Set<LegalPageKind>> {
    const rows = await this.tx.run(tenantId, (em) =>
      em.getRepository(LegalPage).find({ where: { tenantId }, select: { kind: true } }),
    );
    return new Set(rows.map((r) => r.kind));
  }

  /**
   * Stores the municipality's own text. A text equal to the generated one is not stored, so the
   * page keeps following the municipality's name and contact details.
   */
  async save(tenantId: TenantId, tenant: Tenant, kind: LegalPageKind, body: string): Promise<void> {
    const normalized = body.replace(/\r\n?/g, '\n').trim();
    if (normalized === defaultLegalText(kind, tenant).trim()) return this.reset(tenantId, kind);
    await this.tx.run(tenantId, async (em) => {
      const repo = em.getRepository(LegalPage);
      const own = await repo.findOne({
        where: { tenantId, kind },
        lock: { mode: 'pessimistic_write' },
      });
      if (own) {
        own.body = normalized;
        await repo.save(own);
      } else {
        await repo
          .createQueryBuilder()
          .insert()
          .values({ tenantId, kind, body: normalized })
          .orUpdate(['body', 'updated_at'], ['tenant_id', 'kind'])
          .execute();
      }
    });
  }

  /** Back to the generated text. */
  async reset(tenantId: TenantId, kind: LegalPageKind): Promise<void> {
    await this.tx.run(tenantId, (em) => em.getRepository(LegalPage).delete({ tenantId, kind }));
  }
}
