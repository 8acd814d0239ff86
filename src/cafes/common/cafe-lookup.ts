import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import { Cafe } from './entities/cafe.entity';
import { Meeting } from './entities/meeting.entity';
import { MEETING_KEY } from './meeting-key';

/**
 * Finding a café by its page address and a meeting by its key, inside a service's tenant
 * transaction. Plain functions, not a service: every capability needs them (the pages, the
 * access check, wishes, sign-ups) and none of them should depend on another for two lookups.
 */
export function findCafe(
  em: EntityManager,
  tenantId: TenantId,
  slug: string,
): Promise<Cafe | null> {
  return em.getRepository(Cafe).findOneBy({ tenantId, slug });
}

export function findMeeting(
  em: EntityManager,
  tenantId: TenantId,
  cafeId: string,
  key: string,
): Promise<Meeting | null> {
  return em.getRepository(Meeting).findOneBy({ tenantId, cafeId, key });
}

/** The café of `slug` and its meeting `key` (a key that cannot be one is no meeting), or null. */
export async function findCafeMeeting(
  em: EntityManager,
  tenantId: TenantId,
  slug: string,
  key: string,
): Promise<{ cafe: Cafe; meeting: Meeting } | null> {
  const cafe = await findCafe(em, tenantId, slug);
  if (!cafe || !MEETING_KEY.test(key)) return null;
  const meeting = await findMeeting(em, tenantId, cafe.id, key);
  return meeting ? { cafe, meeting } : null;
}
