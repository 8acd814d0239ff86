import { Injectable } from '@nestjs/common';
import type { TenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';
import { StoredFile } from '../files/entities/stored-file.entity';
import { TenantsService } from '../tenancy/tenants.service';
import { saveStoredFile } from '../files/stored-files';

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
    const file = await this.tx.run(tenantId, (em) => saveStoredFile(em, tenantId, logo));
    await this.setLogo(tenantId, file.id);
  }

  async removeLogo(tenantId: TenantId): Promise<void> {
    await this.setLogo(tenantId, null);
  }

  private async setLogo(tenantId: TenantId, fileId: string | null): Promise<void> {
    // Read the current logo from the table, not the cache: another node may have just changed it.
    const previous = (await this.tenants.findById(tenantId))?.logoFileId ?? null;
    await this.tenants.update(tenantId, { logoFileId: fileId });
    if (previous && previous !== fileId) {
      await this.tx.run(tenantId, (em) =>
        em.getRepository(StoredFile).delete({ tenantId, id: previous }),
      );
    }
  }
}
