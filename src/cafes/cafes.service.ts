import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Membership } from '../auth/entities/membership.entity';
import { Clock } from '../common/clock';
import type { TenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';
import type { StoredFile } from '../files/entities/stored-file.entity';
import { readStoredFile } from '../files/stored-files';
import { findCafe, findCafeMeeting } from './common/cafe-lookup';
import { Cafe } from './common/entities/cafe.entity';
import { FollowsService } from './follows/follows.service';
import { CafeAccessPolicy, mayManageCafe } from './hosting/cafe-access';
import { HostsService } from './hosting/hosts.service';
import { MeetingsService } from './meetings/meetings.service';
import { SignupsService } from './signups/signups.service';
import { WishesService } from './wishes/wishes.service';

/**
 * What anyone may read of a café, for the platform's café finder (src/cafes/finder): its name,
 * venue, accessibility and next meeting. Never its contact, hosts or anyone signed up.
 */
export interface PublicCafe {
  id: string;
  slug: string;
  name: string;
  venueName: string;
  venueAddress: string;
  stepFree: boolean;
  accessibleToilet: boolean;
  parking: boolean;
  next: { startsAt: Date; theme: string | null } | null;
}

/** A member of this municipality reading a page, or nobody signed in here. */
type Reader = Membership | null | undefined;

/**
 * The cafés as people read them: the list, one café's page, its photo, one meeting (its page and
 * its .ics). Each page's reads are one method and one tenant transaction.
 */
@Injectable()
export class CafesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
    private readonly meetings: MeetingsService,
    private readonly hostsService: HostsService,
    private readonly access: CafeAccessPolicy,
    private readonly wishes: WishesService,
    private readonly follows: FollowsService,
    private readonly signups: SignupsService,
  ) {}

  /** Active cafés with their next scheduled meeting, by name (the list and the admin's list). */
  listPage(tenantId: TenantId) {
    return this.tx.run(tenantId, (em) => this.list(em, tenantId));
  }

  /** Active cafés with their next scheduled meeting, by name. */
  async list(em: EntityManager, tenantId: TenantId, now = this.clock.now()) {
    const cafes = await em
      .getRepository(Cafe)
      .find({ where: { tenantId, status: 'active' }, order: { name: 'ASC' } });
    const next = await em.query<
      { cafe_id: string; key: string; starts_at: Date; theme: string | null }[]
    >(
      `select distinct on (cafe_id) cafe_id, key, starts_at, theme from meetings
        where tenant_id = $1 and status = 'scheduled' and starts_at > $2
        order by cafe_id, starts_at`,
      [tenantId, now],
    );
    const byCafe = new Map(next.map((n) => [n.cafe_id, n]));
    return cafes.map((cafe) => {
      const n = byCafe.get(cafe.id);
      return { cafe, next: n ? { key: n.key, startsAt: n.starts_at, theme: n.theme } : null };
    });
  }

  /** The hub's active cafés as anyone may read them (PublicCafe), by name, in one transaction. */
  publicCafes(tenantId: TenantId): Promise<PublicCafe[]> {
    return this.tx.run(tenantId, async (em) =>
      (await this.list(em, tenantId)).map(({ cafe, next }) => ({
        id: cafe.id,
        slug: cafe.slug,
        name: cafe.name,
        venueName: cafe.venueName,
        venueAddress: cafe.venueAddress,
        stepFree: cafe.stepFree,
        accessibleToilet: cafe.accessibleToilet,
        parking: cafe.parking,
        next: next ? { startsAt: next.startsAt, theme: next.theme } : null,
      })),
    );
  }

  /** One café's page as `membership` sees it, or null when there is no such café here. */
  cafePage(tenantId: TenantId, slug: string, membership: Reader) {
    return this.tx.run(tenantId, async (em) => {
      const cafe = await findCafe(em, tenantId, slug);
      if (!cafe) return null;
      // One connection per transaction: queries run one after the other.
      const meetings = await this.meetings.upcoming(em, tenantId, cafe.id, 6);
      // A member sees at a glance which of them they signed up for.
      const mine = membership
        ? await this.signups.statusesFor(
            em,
            tenantId,
            membership.id,
            meetings.map((m) => m.id),
          )
        : new Map<string, string>();
      const upcoming = meetings.map((m) => ({ ...m, mine: mine.get(m.id) ?? null }));
      const past = await this.meetings.pastThemes(em, tenantId, cafe.id, 10);
      // Hosts' names are for members of this municipality, not for every visitor.
      const hosts = membership ? await this.hostsService.hosts(em, tenantId, cafe.id) : null;
      const canManage = mayManageCafe(
        membership,
        (hosts ?? []).some((h) => h.membershipId === membership?.id),
      );
      const wishes = await this.wishes.list(em, tenantId, cafe.id, membership?.id ?? null, {
        status: 'open',
        limit: 5,
      });
      // Which reminders the member gets for this café (null: not following it).
      const reminders = membership
        ? await this.follows.effectiveReminders(em, tenantId, cafe.id, membership.id)
        : null;
      const following = reminders !== null;
      return { cafe, upcoming, past, hosts, canManage, wishes, following, reminders };
    });
  }

  /** The photo of the café of `slug` with its bytes, or null (no such café, or no photo). */
  photoFile(tenantId: TenantId, slug: string): Promise<StoredFile | null> {
    return this.tx.run(tenantId, async (em) => {
      const cafe = await findCafe(em, tenantId, slug);
      return cafe?.photoFileId ? readStoredFile(em, tenantId, cafe.photoFileId) : null;
    });
  }

  /** The café of `slug` and its meeting `key`, or null. */
  meeting(tenantId: TenantId, slug: string, key: string) {
    return this.tx.run(tenantId, (em) => findCafeMeeting(em, tenantId, slug, key));
  }

  /**
   * What one meeting's page reads: the café and meeting, the seats taken, whether `membership`
   * manages the café, their own sign-up and whether they follow the café. Null: no such meeting.
   */
  meetingPage(tenantId: TenantId, slug: string, key: string, membership: Reader) {
    return this.tx.run(tenantId, async (em) => {
      const found = await findCafeMeeting(em, tenantId, slug, key);
      if (!found) return null;
      const { cafe, meeting } = found;
      const taken = await this.signups.seatsTaken(em, tenantId, meeting.id);
      const canManage = await this.access.canManage(em, tenantId, cafe.id, membership);
      // The member's own sign-up (or waitlist place) and whether they follow the café.
      const mine = membership
        ? await this.signups.mine(em, tenantId, meeting.id, membership.id)
        : null;
      const following =
        !!membership && (await this.follows.isFollowing(em, tenantId, cafe.id, membership.id));
      return { cafe, meeting, taken, canManage, mine, following };
    });
  }
}
