import type { Membership, Role } from '../../auth/entities/membership.entity';

/**
 * Who looks at a shared surface: their membership of this municipality, or null for an
 * anonymous visitor (and for a signed-in person who is not a member here).
 */
export interface Viewer {
  id: string;
  role: Role;
  /** A municipal employee who is not an admin (the membership's `staff` flag). */
  staff: boolean;
}

export function viewerOf(membership: Membership | null | undefined): Viewer | null {
  return membership
    ? { id: membership.id, role: membership.role, staff: membership.staff }
    : null;
}
