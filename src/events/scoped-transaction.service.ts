import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TenantTransaction } from '../database/tenant-transaction';
import type { EventScope } from './event-scope';

/**
 * A transaction in an event's scope: the tenant's RLS transaction (TenantTransaction, which
 * refuses nesting) or, for the platform, a plain one that sees only global tables.
 */
@Injectable()
export class ScopedTransactionService {
  constructor(
    private readonly tx: TenantTransaction,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  run<T>(scope: EventScope, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (scope.tenantId !== null) return this.tx.run(scope.tenantId, work);
    return this.dataSource.transaction(work);
  }
}
