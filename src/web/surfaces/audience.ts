import type { Viewer } from './viewer';

export const AUDIENCES = ['caregiver', 'professional', 'staff'] as const;
/** Who something on a shared surface is for: caregivers, care professionals, municipal staff. */
export type Audience = (typeof AUDIENCES)[number];

/**
 * THE rule of who sees a course or an activity, written once (pages, the home sections, feeds,
 * the calendar, search): it is shown to a viewer when one of its audiences is in this list. Anonymous visitors (and
 * every public output: .ics feeds, the widget) and caregivers see caregiver courses; professionals
 * also professional ones; members with the `staff` flag also staff ones; tenant admins see all.
 */
export function visibleAudiences(viewer: Viewer | null): Audience[] {
  if (!viewer) return ['caregiver'];
  if (viewer.role === 'tenant_admin') return [...AUDIENCES];
  const audiences: Audience[] = ['caregiver'];
  if (viewer.role === 'professional') audiences.push('professional');
  if (viewer.staff) audiences.push('staff');
  return audiences;
}

/** Whether a course for `audiences` is shown to `viewer` (the same rule, for one course in hand). */
export function mayView(viewer: Viewer | null, audiences: readonly Audience[]): boolean {
  const visible = visibleAudiences(viewer);
  return audiences.some((audience) => visible.includes(audience));
}
