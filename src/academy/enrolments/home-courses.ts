import { listedCourse, type ListedCourse } from './course-listing';

export { NEXT_COURSES_SQL } from './course-listing';

/**
 * The home page's next courses (NextCoursesHomeSection), in a file of plain values so the
 * benchmark's bare server (bench/bare-server.js) requires the very statement (NEXT_COURSES_SQL,
 * `$1` tenant, `$2` now, `$3` visibleAudiences(viewer)), view model and partial from dist/.
 */

/** The section's template (views/academy/enrolments/home-courses.hbs), a partial of the home page. */
export const NEXT_COURSES_PARTIAL = 'academy/enrolments/home-courses';

/** After the café's next meetings (10). */
export const NEXT_COURSES_ORDER = 20;

/** The section's data for the rows of NEXT_COURSES_SQL; none: no section. */
export function homeCourses(
  rows: ListedCourse[],
): { courses: ReturnType<typeof listedCourse>[] } | null {
  return rows.length ? { courses: rows.map(listedCourse) } : null;
}
