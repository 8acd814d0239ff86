import { Injectable } from '@nestjs/common';
import type { Membership } from '../../auth/entities/membership.entity';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { findCourse } from './course-lookup';
import type { Course } from './entities/course.entity';

/** Who is asking: the member of this municipality, or nobody signed in here. */
type Asker = Pick<Membership, 'id' | 'role'> | null | undefined;

/**
 * What someone may do with a course: `admin` (a tenant admin: everything), `trainer` (the member
 * linked as its trainer: participants with their answers and needs, attendance; this course
 * only), or nothing.
 */
export type CourseRight = 'admin' | 'trainer' | null;

/** THE rule of who manages a course, written once; the guard and the pages ask. */
export function courseRight(
  membership: Asker,
  course: Pick<Course, 'trainerMembershipId'>,
): CourseRight {
  if (!membership) return null;
  if (membership.role === 'tenant_admin') return 'admin';
  return course.trainerMembershipId === membership.id ? 'trainer' : null;
}

export type CourseAccessResult =
  | { ok: true; course: Course; right: 'admin' | 'trainer' }
  | { ok: false; reason: 'not-found' | 'forbidden' };

/** The course access policy, for guards and page services. */
@Injectable()
export class CourseAccessPolicy {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * A management route's course (of `slug`) in this municipality, and whether `membership` may
   * manage it with at least `needed` (`trainer`: the trainer or an admin; `admin`: an admin).
   */
  resolve(
    tenantId: TenantId,
    slug: string,
    membership: Asker,
    needed: 'admin' | 'trainer',
  ): Promise<CourseAccessResult> {
    return this.tx.run(tenantId, async (em): Promise<CourseAccessResult> => {
      const course = await findCourse(em, tenantId, slug);
      if (!course) return { ok: false, reason: 'not-found' };
      const right = courseRight(membership, course);
      if (!right || (needed === 'admin' && right !== 'admin'))
        return { ok: false, reason: 'forbidden' };
      return { ok: true, course, right };
    });
  }
}
