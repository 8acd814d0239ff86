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
    // A nested call would silently reuse or interleave with the outer tenant's transaction.
    if (this.inside.getStore()) throw new Error('Nested tenant transactions are not allowed');
    return this.inside.run(true, () =>
      this.dataSource.transaction(async (em) => {
        await em.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
        return work(em);
      }),
    );
  }
}
