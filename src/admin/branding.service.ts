import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';
import { replaceStoredFile, type StoredFileOwner } from '../files/stored-files';
import { TenantsService } from '../tenancy/tenants.service';

/** Name, colour and logo of a municipality. Every change refreshes the tenant cache on all nodes. */
@Injectable()
export class BrandingService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly tenants: TenantsService,
  ) {}

  async update(tenantId: TenantId, values: { name: string; brandColor: string }): Promise<void> {
    await this.tenants.update(tenantId, values);
  }

  /** Stores the (already checked and re-encoded) logo and drops the previous one. */
  async replaceLogo(
    tenantId: TenantId,
    logo: { contentType: string; content: Buffer },
  ): Promise<void> {
    await this.setLogo(tenantId, logo);
  }

  async removeLogo(tenantId: TenantId): Promise<void> {
    await this.setLogo(tenantId, null);
  }

  /**
   * As the café photo: file and hub row change in one transaction with the hub's row locked
   * (`replaceStoredFile`), so two uploads at once leave no orphan file; the other nodes hear of
   * it after the commit (told before it, they could cache the old logo again).
   */
  private async setLogo(
    tenantId: TenantId,
    logo: { contentType: string; content: Buffer } | null,
  ): Promise<void> {
    await this.tx.run(tenantId, (em) =>
      replaceStoredFile(em, tenantId, this.logoOf(em, tenantId), logo),
    );
    await this.tenants.announceChange();
  }

  /** The hub's row as the owner of its logo, for `replaceStoredFile`. */
  private logoOf(em: EntityManager, tenantId: TenantId): StoredFileOwner {
    return {
      lock: async () => {
        const tenant = await this.tenants.lockRow(em, tenantId);
        return tenant ? { fileId: tenant.logoFileId } : null;
      },
      point: (fileId) => this.tenants.updateIn(em, tenantId, { logoFileId: fileId }),
    };
  }
}
