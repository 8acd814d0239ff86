import type { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Writes a person's entry for an event in `takePlace`'s `write` (a café sign-up, a course
 * enrolment): reuses their row (one row per person and event: cancelling and coming back keeps
 * it) or inserts it, with `queued_at = clock_timestamp()`, the moment the event's lock was
 * obtained rather than the transaction's start, so the waitlist's order is the order of the lock.
 * `identity` is the row's unique key (tenant, event, person); the row is returned as stored.
 */
export async function writeQueuedEntry<E extends ObjectLiteral & { tenantId: string; id: string }>(
  repo: Repository<E>,
  existing: Pick<E, 'id'> | null,
  identity: FindOptionsWhere<E> & QueryDeepPartialEntity<E> & { tenantId: string },
  values: QueryDeepPartialEntity<E>,
): Promise<E> {
  const row = { ...values, queuedAt: () => 'clock_timestamp()' } as QueryDeepPartialEntity<E>;
  if (existing)
    await repo.update({ tenantId: identity.tenantId, id: existing.id } as FindOptionsWhere<E>, row);
  else
    await repo
      .createQueryBuilder()
      .insert()
      .values({ ...identity, ...row })
      .execute();
  return repo.findOneByOrFail(identity);
}
