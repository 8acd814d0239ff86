import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { HomeSectionOf, type HomeSection } from '../../web/home/home-section';
import type { Viewer } from '../../web/surfaces/viewer';
import { visibleAudiences } from '../../web/surfaces/audience';
import type { ListedCourse } from './course-listing';
import {
  homeCourses,
  NEXT_COURSES_ORDER,
  NEXT_COURSES_PARTIAL,
  NEXT_COURSES_SQL,
} from './home-courses';

/**
 * The home page's next three courses the viewer may see (anonymous: caregiver courses), with
 * their free places; none: no section. One indexed statement (NEXT_COURSES_SQL), also run by the
 * benchmark's bare server with the same view model and partial (./home-courses.ts).
 */
@Injectable()
@HomeSectionOf({ order: NEXT_COURSES_ORDER, partial: NEXT_COURSES_PARTIAL })
export class NextCoursesHomeSection implements HomeSection {
  constructor(private readonly clock: Clock) {}

  async load(em: EntityManager, tenantId: TenantId, viewer: Viewer | null) {
    const courses = await em.query<ListedCourse[]>(NEXT_COURSES_SQL, [
      tenantId,
      this.clock.now(),
      visibleAudiences(viewer),
    ]);
    return homeCourses(courses);
  }
}
