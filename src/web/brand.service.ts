import { Injectable } from '@nestjs/common';
import { asTenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';
import { readStoredFile } from '../files/stored-files';
import type { Tenant } from '../tenancy/entities/tenant.entity';

/** A municipality's logo, for the header (the stylesheet needs no database). */
@Injectable()
export class BrandService {
  constructor(private readonly tx: TenantTransaction) {}

  /** The stored logo; null when the municipality has none (or it went missing). */
  async logo(tenant: Tenant) {
    const fileId = tenant.logoFileId;
    if (!fileId) return null;
    const tenantId = asTenantId(tenant.id);
    return this.tx.run(tenantId, (em) => readStoredFile(em, tenantId, fileId));
  }
}
