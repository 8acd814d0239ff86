import { DateTime } from 'luxon';
import { CafesService, type CafeInput } from '../../src/cafes/cafes.service';
import { CafeFollow } from '../../src/cafes/follows/entities/cafe-follow.entity';
import { Signup } from '../../src/cafes/signups/entities/signup.entity';
import { WishVote } from '../../src/cafes/wishes/entities/wish-vote.entity';
import { Wish } from '../../src/cafes/wishes/entities/wish.entity';
import type { SeedContext, TenantIds } from './tenant-routes';

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
  const cafes = t.get(CafesService);
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
