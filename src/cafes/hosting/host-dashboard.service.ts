import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import type { Meeting } from '../common/entities/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';

/** One sign-up as the core group sees it (health-related: hosts and tenant admins only). */
export interface SignupRow {
  displayName: string;
  companions: number;
  people: number;
  needsRespite: boolean;
  needsTransport: boolean;
  needsOther: string | null;
  status: 'confirmed' | 'waitlisted';
  /** Place on the waitlist (1 = first), null when confirmed. */
  position: number | null;
}

export interface MeetingSignups {
  meeting: Meeting;
  signups: SignupRow[];
  confirmed: SignupRow[];
  waitlisted: SignupRow[];
  /** People coming: confirmed caregivers plus their companions. */
  people: number;
  waitingPeople: number;
  seatsLeft: number;
}

/** What the host dashboard reads: sign-ups per meeting, with needs and waitlist places. */
@Injectable()
export class HostDashboardService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly meetings: MeetingsService,
  ) {}

  /** The dashboard: the sign-ups of the café's scheduled meetings among its next six. */
  upcomingSignups(tenantId: TenantId, cafeId: string): Promise<MeetingSignups[]> {
    return this.tx.run(tenantId, async (em) => {
      const upcoming = await this.meetings.upcoming(em, tenantId, cafeId, 6);
      const scheduled = upcoming.filter((x) => x.status === 'scheduled');
      return this.signupsOf(em, tenantId, scheduled);
    });
  }

  /** One meeting's sign-ups (the attendance list and the CSV export). */
  meetingSignups(tenantId: TenantId, meeting: Meeting): Promise<MeetingSignups> {
    return this.tx.run(tenantId, (em) => this.signups(em, tenantId, meeting));
  }

  async signups(em: EntityManager, tenantId: TenantId, meeting: Meeting): Promise<MeetingSignups> {
    const [one] = await this.signupsOf(em, tenantId, [meeting]);
    return one;
  }

  /** The sign-ups of several meetings in one statement (the dashboard lists six: no query per meeting). */
  async signupsOf(
    em: EntityManager,
    tenantId: TenantId,
    meetings: Meeting[],
  ): Promise<MeetingSignups[]> {
    if (meetings.length === 0) return [];
    const rows = await em.query<
      {
        meeting_id: string;
        display_name: string;
        companions: number;
        needs_respite: boolean;
        needs_transport: boolean;
        needs_other: string | null;
        status: 'confirmed' | 'waitlisted';
      }[]
    >(
      `select s.meeting_id, m.display_name, s.companions, s.needs_respite, s.needs_transport,
              s.needs_other, s.status
         from signups s
         join memberships m on m.tenant_id = s.tenant_id and m.id = s.membership_id
        where s.tenant_id = $1 and s.meeting_id = any($2::uuid[])
          and s.status in ('confirmed', 'waitlisted')
        order by s.meeting_id,
                 case s.status when 'confirmed' then 0 else 1 end,
                 case s.status when 'confirmed' then lower(m.display_name) end,
                 s.queued_at, s.id`,
      [tenantId, meetings.map((m) => m.id)],
    );
    return meetings.map((meeting) => {
      let position = 0;
      const signups: SignupRow[] = rows
        .filter((r) => r.meeting_id === meeting.id)
        .map((r) => ({
          displayName: r.display_name,
          companions: r.companions,
          people: 1 + r.companions,
          needsRespite: r.needs_respite,
          needsTransport: r.needs_transport,
          needsOther: r.needs_other,
          status: r.status,
          position: r.status === 'waitlisted' ? ++position : null,
        }));
      const confirmed = signups.filter((s) => s.status === 'confirmed');
      const waitlisted = signups.filter((s) => s.status === 'waitlisted');
      const people = confirmed.reduce((n, s) => n + s.people, 0);
      return {
        meeting,
        signups,
        confirmed,
        waitlisted,
        people,
        waitingPeople: waitlisted.reduce((n, s) => n + s.people, 0),
        seatsLeft: Math.max(0, meeting.capacity - people),
      };
    });
  }
}
