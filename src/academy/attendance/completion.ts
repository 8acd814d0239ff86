/**
 * Whether a member completed a course: attended at least the course's required share of its
 * scheduled sessions (cancelled sessions do not count). A course without scheduled sessions is
 * never completed. Integer arithmetic: 2 of 3 is 66.7 %, enough for 66 %, not for 67 % or 100 %.
 */
export function isCompleted(attended: number, scheduled: number, requiredPercent: number): boolean {
  if (scheduled <= 0) return false;
  return attended * 100 >= requiredPercent * scheduled;
}
