import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { asTenantId, TenantId } from '../database/tenant-id';
import type { Tenant } from './entities/tenant.entity';

/** What host a request came in on: the platform site or one municipality's hub. */
export type Site = { kind: 'platform' } | { kind: 'tenant'; tenant: Tenant };

/** Reads the per-request context kept in AsyncLocalStorage (nestjs-cls). */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  get site(): Site | undefined {
    return this.cls.isActive() ? this.cls.get<Site>('site') : undefined;
  }

  /** The municipality of this request; throws when there is none (a platform or job context). */
  get tenant(): Tenant {
    const site = this.site;
    if (site?.kind !== 'tenant')
      throw new Error('No tenant in this context: use it only on a municipality host');
    return site.tenant;
  }

  get tenantId(): TenantId {
    return asTenantId(this.tenant.id);
  }
}

/** A key that identifies the host a session belongs to. */
export function siteKey(site: Site): string {
  return site.kind === 'tenant' ? `tenant:${site.tenant.id}` : 'platform';
}
