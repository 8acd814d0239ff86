import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { CafesAdminService, type CafeInput } from '../../src/cafes/admin/cafes-admin.service';
import { findCafe } from '../../src/cafes/common/cafe-lookup';
import type { Cafe } from '../../src/cafes/common/entities/cafe.entity';
import type { Meeting } from '../../src/cafes/common/entities/meeting.entity';
import { HostsService } from '../../src/cafes/hosting/hosts.service';
import { MeetingsService, type MeetingInput } from '../../src/cafes/meetings/meetings.service';
import type { TenantId } from '../../src/database/tenant-id';
import type { MailTenant } from '../../src/tenancy/entities/tenant.entity';
import type { TestApp } from './test-app';
import { CafeFollow } from '../../src/cafes/follows/entities/cafe-follow.entity';
import { Signup } from '../../src/cafes/signups/entities/signup.entity';
import { WishVote } from '../../src/cafes/wishes/entities/wish-vote.entity';
import { Wish } from '../../src/cafes/wishes/entities/wish.entity';
import type { SeedContext, TenantIds } from './tenant-routes';

/**
 * What test setups do with cafés, through the capability services the app uses (a café made
 * directly, a host appointed, meetings read): one object, so a setup needs one import.
 */
export function cafeFixtures(t: TestApp) {
  const admin = t.get(CafesAdminService);
  const meetings = t.get(MeetingsService);
  const hosts = t.get(HostsService);
  return {
    /** The café, or null when its slug is taken. */
    async create(tenantId: TenantId, input: CafeInput, now?: Date): Promise<Cafe | null> {
      const result = await admin.create(tenantId, input, now);
      return result.ok ? result.cafe : null;
    },
    update: (tenant: MailTenant, cafeId: string, input: CafeInput, now?: Date) =>
      admin.update(tenant, cafeId, input, now),
    setPhoto: (
      tenantId: TenantId,
      cafeId: string,
      photo: { contentType: string; content: Buffer } | null,
      alt: string,
    ) => admin.setPhoto(tenantId, cafeId, photo, alt),
    findCafe: (em: EntityManager, tenantId: TenantId, slug: string) => findCafe(em, tenantId, slug),
    upcoming: (em: EntityManager, tenantId: TenantId, cafeId: string, limit: number) =>
      meetings.upcoming(em, tenantId, cafeId, limit),
    addMeeting: (em: EntityManager, tenantId: TenantId, cafe: Cafe, input: MeetingInput) =>
      meetings.addMeeting(em, tenantId, cafe, input),
    editMeeting: (tenant: MailTenant, meeting: Pick<Meeting, 'id'>, input: MeetingInput) =>
      meetings.editMeeting(tenant, meeting, input),
    cancelMeeting: (tenant: MailTenant, meeting: Meeting) =>
      meetings.cancelMeeting(tenant, meeting),
    addHost: (em: EntityManager, tenantId: TenantId, cafeId: string, membershipId: string) =>
      hosts.addHost(em, tenantId, cafeId, membershipId),
    hosts: (em: EntityManager, tenantId: TenantId, cafeId: string) =>
      hosts.hosts(em, tenantId, cafeId),
  };
}

/** A café's form values as an admin would fill them in (strings, as a browser posts them). */
export function cafeForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Mantelzorgcafé De Babbelhoek',
    slug: 'babbelhoek',
    description: 'Een warme babbel met andere mantelzorgers.',
    venueName: 'Lokaal dienstencentrum De Wegwijzer',
    venueAddress: 'Kerkstraat 1, 9000 Gent',
    venueDirections: 'Bus 3, halte Kerk.',
    stepFree: '1',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
    schedule: 'monthly',
    week: '1',
    weekday: 'TU',
    startsOn: '',
    startTime: '14:00',
    endTime: '16:00',
    defaultCapacity: '20',
    remind10080: '1',
    remind1440: '1',
    ...overrides,
  };
}

export function cafeInput(overrides: Partial<CafeInput> = {}): CafeInput {
  return {
    name: 'Mantelzorgcafé De Babbelhoek',
    slug: 'babbelhoek',
    description: 'Een warme babbel met andere mantelzorgers.',
    venueName: 'Lokaal dienstencentrum De Wegwijzer',
    venueAddress: 'Kerkstraat 1, 9000 Gent',
    venueDirections: '',
    stepFree: true,
    accessibleToilet: true,
    parking: false,
    contactName: null,
    contactPhone: null,
    contactEmail: null,
    recurrenceRule: 'FREQ=MONTHLY;BYDAY=1TU',
    ruleStartsOn: null,
    startTime: '14:00',
    durationMinutes: 120,
    defaultCapacity: 20,
    reminderOffsets: [10080, 1440],
    ...overrides,
  };
}

/** A date a few weeks ahead, in the form's format. */
function futureDate(): string {
  return DateTime.now().setZone('Europe/Brussels').plus({ days: 20 }).toISODate()!;
}

/**
 * A café with a rule (meetings generated), its host, a follower, a sign-up, a wish and a vote:
 * a row in every café table. Sign-ups, follows and wishes get their own services in later slices.
 */
export async function seedCafeRows({
  t,
  tenant,
  tenantId,
  ids,
  run,
}: SeedContext): Promise<TenantIds> {
  const cafes = cafeFixtures(t);
  const cafe = await cafes.create(
    tenantId,
    cafeInput({ slug: `cafe-${tenant.slug}`, name: `Mantelzorgcafé ${tenant.name}` }),
  );
  if (!cafe) throw new Error('café not created');
  return run(async (em) => {
    await cafes.addHost(em, tenantId, cafe.id, ids.membershipId);
    const [host] = await cafes.hosts(em, tenantId, cafe.id);
    const [meeting] = await cafes.upcoming(em, tenantId, cafe.id, 1);
    await em
      .getRepository(CafeFollow)
      .insert({ tenantId, cafeId: cafe.id, membershipId: ids.membershipId });
    await em.getRepository(Signup).insert({
      tenantId,
      meetingId: meeting.id,
      membershipId: ids.membershipId,
      companions: 1,
      status: 'confirmed',
    });
    const wish = await em.getRepository(Wish).save(
      em.getRepository(Wish).create({
        tenantId,
        cafeId: cafe.id,
        membershipId: ids.membershipId,
        kind: 'theme',
        text: 'Rouw en verlies',
      }),
    );
    await em
      .getRepository(WishVote)
      .insert({ tenantId, wishId: wish.id, membershipId: ids.adminMembershipId });
    return {
      cafeId: cafe.id,
      cafeSlug: cafe.slug,
      meetingId: meeting.id,
      meetingKey: meeting.key,
      cafeHostId: host.id,
      wishId: wish.id,
    };
  });
}

/** A valid meeting form (a date three weeks ahead). */
export const meetingBody = () => ({
  theme: 'Zorgen voor jezelf',
  speaker: '',
  speakerExpertise: '',
  description: '',
  date: futureDate(),
  startTime: '14:00',
  endTime: '16:00',
  capacity: '20',
});
