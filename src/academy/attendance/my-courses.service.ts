import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { isOver, progressOf, type Progress } from './progress';

export interface MyCourses {
  upcoming: (Progress & { waitlisted: boolean; cancelled: boolean })[];
  history: (Progress & { mayDownload: boolean })[];
}

/**
 * "Mijn opleidingen": a member's enrolments. Upcoming: courses not over yet (confirmed or on the
 * waitlist, with a link to the course page where they can cancel). History: courses over that
 * they took part in, with sessions attended of the scheduled ones, "afgerond" at the course's
 * required share, and the certificate for those (unless revoked).
 */
@Injectable()
export class MyCoursesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
  ) {}

  page(tenantId: TenantId, membershipId: string): Promise<MyCourses> {
    const now = this.clock.now();
    return this.tx.run(tenantId, async (em) => {
      const all = await progressOf(em, tenantId, { membershipId });
      const time = (d: Date | null) => (d ? d.getTime() : Number.MAX_SAFE_INTEGER);
      const upcoming = all
        .filter((p) => !isOver(p, now) && p.courseStatus !== 'draft')
        .sort((a, b) => time(a.firstStart) - time(b.firstStart))
        .map((p) => ({
          ...p,
          waitlisted: p.status === 'waitlisted',
          cancelled: p.courseStatus === 'cancelled',
        }));
      const history = all
        .filter((p) => isOver(p, now) && p.status === 'confirmed' && p.courseStatus === 'published')
        .sort((a, b) => time(b.lastEnd) - time(a.lastEnd))
        .map((p) => ({ ...p, mayDownload: p.completed && !p.certificateRevoked }));
      return { upcoming, history };
    });
  }
}
