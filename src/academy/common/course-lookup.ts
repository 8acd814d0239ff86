import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import { CourseSession } from './entities/course-session.entity';
import { Course } from './entities/course.entity';

/**
 * Finding a course by its page address and its sessions, inside a service's tenant transaction.
 * Plain functions, not a service: every capability needs them (the pages, the access check,
 * enrolment, attendance) and none should depend on another for two lookups.
 */
export function findCourse(
  em: EntityManager,
  tenantId: TenantId,
  slug: string,
): Promise<Course | null> {
  return em.getRepository(Course).findOneBy({ tenantId, slug });
}

/** The course's sessions in programme order (cancelled ones too: they keep their place). */
export function sessionsOf(
  em: EntityManager,
  tenantId: TenantId,
  courseId: string,
): Promise<CourseSession[]> {
  return em
    .getRepository(CourseSession)
    .find({ where: { tenantId, courseId }, order: { position: 'ASC' } });
}

/**
 * Locks the course row until the transaction ends (`FOR UPDATE`): the row that holds the places
 * (the capacity store's lockEvent), so an edit, an enrolment and a cancellation run one after the
 * other. The course as stored, or null.
 */
export function lockCourse(
  em: EntityManager,
  tenantId: TenantId,
  courseId: string,
): Promise<Course | null> {
  return em
    .getRepository(Course)
    .createQueryBuilder('c')
    .setLock('pessimistic_write')
    .where('c.tenant_id = :tenantId AND c.id = :courseId', { tenantId, courseId })
    .getOne();
}
