import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { TenantId } from './tenant-id';

/**
 * The one way to touch tenant-owned tables: a transaction that first sets `app.tenant_id`
 * (transaction-local), so row-level security shows and accepts only that tenant's rows.
 * Use the EntityManager it hands you for every query inside; a repository injected elsewhere is
 * another connection and sees nothing. Keep it short: no argon2, SMTP or HTTP inside.
 */
@Injectable()
export class TenantTransaction {
  private readonly inside = new AsyncLocalStorage<true>();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(tenantId: TenantId, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.transaction(async (em) => {
      await setTenant(em, tenantId);
      return work(em);
    });
  }

  /**
   * Onboarding only: creates a tenant (global row) and writes its first tenant-owned rows in the
   * same transaction, so a municipality never exists without them (e.g. its admin's invitation).
   */
  createTenantAndRun<T extends { id: string }, R>(
    create: (em: EntityManager) => Promise<T>,
    work: (em: EntityManager, tenant: T) => Promise<R>,
  ): Promise<R> {
    return this.transaction(async (em) => {
      const tenant = await create(em);
      await setTenant(em, tenant.id as TenantId);
      return work(em, tenant);
    });
  }

  private transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    // A nested call would silently reuse or interleave with the outer tenant's transaction.
    if (this.inside.getStore()) throw new Error('Nested tenant transactions are not allowed');
    return this.inside.run(true, () => this.dataSource.transaction(work));
  }
}

async function setTenant(em: EntityManager, tenantId: TenantId): Promise<void> {
  await em.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
}
