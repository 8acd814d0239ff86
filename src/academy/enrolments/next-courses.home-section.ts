import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { HomeSectionOf, type HomeSection } from '../../web/home/home-section';
import type { Viewer } from '../../web/surfaces/viewer';
import { visibleAudiences } from '../common/audience';
import { NEXT_COURSES_SQL, type ListedCourse } from './course-listing';
import { EnrolmentPagesService } from './enrolment-pages.service';

/** The section's template, a partial of the home page. */
export const NEXT_COURSES_PARTIAL = 'academy/enrolments/home-courses';
/** After the café's next meetings (10). */
export const NEXT_COURSES_ORDER = 20;

/**
 * The home page's next three courses the viewer may see (anonymous: caregiver courses), with
 * their free places; none: no section. One indexed statement (NEXT_COURSES_SQL), also run by the
 * benchmark's bare server.
 */
@Injectable()
@HomeSectionOf({ order: NEXT_COURSES_ORDER, partial: NEXT_COURSES_PARTIAL })
export class NextCoursesHomeSection implements HomeSection {
  constructor(
    private readonly clock: Clock,
    private readonly pages: EnrolmentPagesService,
  ) {}

  async load(em: EntityManager, tenantId: TenantId, viewer: Viewer | null) {
    const courses = await em.query<ListedCourse[]>(NEXT_COURSES_SQL, [
      tenantId,
      this.clock.now(),
      visibleAudiences(viewer),
    ]);
    return courses.length ? { courses: courses.map((c) => this.pages.listed(c)) } : null;
  }
}
