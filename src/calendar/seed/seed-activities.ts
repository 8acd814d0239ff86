import { DateTime } from 'luxon';
import type { Client } from 'pg';
import { LOCAL_ZONE } from '../../common/dates';
import type { DemoSeedContext, DemoSeedCounts } from '../../common/feature-manifest';
import type { CalendarCategory } from '../../web/calendar/calendar-source';
import type { Audience } from '../../web/surfaces/audience';
import { expectedDates, ruleFor } from '../activities/activity-dates';
import type { ActivityStatus, RegistrationKind } from '../common/entities/activity.entity';

interface DemoActivity {
  slug: string;
  title: string;
  description: string;
  category: CalendarCategory;
  audiences: Audience[];
  venueName: string;
  venueAddress: string;
  online?: string;
  stepFree: boolean;
  accessibleToilet: boolean;
  parking: boolean;
  organiserName: string;
  organiserContact: string;
  costCents: number;
  registration: RegistrationKind;
  registrationDetail: string;
  schedule: 'once' | 'weekly' | 'biweekly' | 'monthly';
  /** The (first) date: this many days from today. */
  inDays: number;
  startTime: string;
  durationMinutes: number;
  /** Proposed by the hub's professional and waiting for an admin. */
  proposed?: boolean;
}

/**
 * A month of varied activities for one demo municipality, by the partners DOMAIN.md names (the
 * local service centre, a health insurer's service, caregiver associations, the library):
 * recurring and one-off, one online, one for professionals, and one proposal by the hub's
 * professional that waits for an admin. Addresses are made up but typical.
 */
function demoActivities(town: string, slug: string): DemoActivity[] {
  const centre = `Lokaal dienstencentrum ${town}`;
  const centreAddress = `Marktplein 5, ${town}`;
  return [
    {
      slug: 'wandelen-met-de-mantelzorgers',
      title: 'Wandelen met de mantelzorgers',
      description:
        'Een rustige wandeling van een uur door de omgeving, op een tempo dat iedereen kan volgen.\n\nNa afloop drinken we samen koffie. Neem stevige schoenen mee.',
      category: 'beweging',
      audiences: ['caregiver'],
      venueName: `Vertrek aan ${centre}`,
      venueAddress: centreAddress,
      stepFree: true,
      accessibleToilet: true,
      parking: true,
      organiserName: centre,
      organiserContact: `dienstencentrum@${slug}.test`,
      costCents: 0,
      registration: 'none',
      registrationDetail: '',
      schedule: 'weekly',
      inDays: 2,
      startTime: '10:00',
      durationMinutes: 90,
    },
    {
      slug: 'praatgroep-dementie',
      title: 'Praatgroep: zorgen voor iemand met dementie',
      description:
        'Mantelzorgers van iemand met dementie delen ervaringen en tips, begeleid door een referentiepersoon dementie.\n\nWat gezegd wordt, blijft in de groep.',
      category: 'lotgenotencontact',
      audiences: ['caregiver'],
      venueName: centre,
      venueAddress: centreAddress,
      stepFree: true,
      accessibleToilet: true,
      parking: false,
      organiserName: 'Samana',
      organiserContact: '02 246 47 71',
      costCents: 0,
      registration: 'phone',
      registrationDetail: '02 246 47 71',
      schedule: 'monthly',
      inDays: 6,
      startTime: '19:00',
      durationMinutes: 120,
    },
    {
      slug: 'infoavond-mantelzorgpremie',
      title: 'Infoavond: de mantelzorgpremie en het mantelzorgstatuut',
      description:
        'Een maatschappelijk werker van het ziekenfonds legt uit wie recht heeft op de premie en het statuut, en hoe je ze aanvraagt. Er is tijd voor je vragen.',
      category: 'info-en-vorming',
      audiences: ['caregiver', 'professional'],
      venueName: `Bibliotheek ${town}`,
      venueAddress: `Stationsstraat 12, ${town}`,
      stepFree: true,
      accessibleToilet: false,
      parking: true,
      organiserName: 'Dienst maatschappelijk werk van het ziekenfonds',
      organiserContact: '',
      costCents: 0,
      registration: 'email',
      registrationDetail: `info@sociaalhuis.${slug}.test`,
      schedule: 'once',
      inDays: 12,
      startTime: '19:30',
      durationMinutes: 90,
    },
    {
      slug: 'daguitstap-naar-de-kust',
      title: 'Daguitstap naar de kust voor mantelzorger en zorgvrager',
      description:
        'Samen met de persoon voor wie je zorgt een dag naar zee, met aangepaste bus en vrijwilligers die mee helpen. Middagmaal inbegrepen.',
      category: 'uitstap',
      audiences: ['caregiver'],
      venueName: `Vertrek aan het Sociaal Huis ${town}`,
      venueAddress: `Kerkstraat 1, ${town}`,
      stepFree: true,
      accessibleToilet: true,
      parking: true,
      organiserName: 'OKRA',
      organiserContact: '',
      costCents: 1500,
      registration: 'phone',
      registrationDetail: '057 33 44 55',
      schedule: 'once',
      inDays: 20,
      startTime: '09:00',
      durationMinutes: 480,
    },
    {
      slug: 'verwenmoment-voor-mantelzorgers',
      title: 'Verwenmoment: even tijd voor jezelf',
      description:
        'Een namiddag met een ontspannende massage, een babbel en taart. Voor de persoon voor wie je zorgt is er opvang in de dagverzorging ernaast.',
      category: 'respijtzorg',
      audiences: ['caregiver'],
      venueName: `Dagverzorgingscentrum ${town}`,
      venueAddress: `Zorgstraat 8, ${town}`,
      stepFree: true,
      accessibleToilet: true,
      parking: true,
      organiserName: 'Liever Thuis LM',
      organiserContact: '',
      costCents: 500,
      registration: 'link',
      registrationDetail: 'https://www.lieverthuislm.be',
      schedule: 'once',
      inDays: 16,
      startTime: '14:00',
      durationMinutes: 180,
    },
    {
      slug: 'online-zorgen-voor-jezelf',
      title: 'Online: zorgen voor jezelf als mantelzorger',
      description:
        'Een online gesprek van een uur over grenzen stellen en hulp vragen. Je hebt alleen een computer of tablet met internet nodig.',
      category: 'ontspanning',
      audiences: ['caregiver'],
      venueName: '',
      venueAddress: '',
      online: 'https://meet.example.org/zorgen-voor-jezelf',
      stepFree: false,
      accessibleToilet: false,
      parking: false,
      organiserName: 'Steunpunt Mantelzorg',
      organiserContact: '',
      costCents: 0,
      registration: 'none',
      registrationDetail: '',
      schedule: 'biweekly',
      inDays: 4,
      startTime: '20:00',
      durationMinutes: 60,
    },
    {
      slug: 'intervisie-hulpverleners',
      title: 'Intervisie: de mantelzorger als partner in zorg',
      description:
        'Voor thuisverpleging, gezinszorg en maatschappelijk werkers: we bespreken samen situaties waarin een mantelzorger overbelast raakt.',
      category: 'info-en-vorming',
      audiences: ['professional'],
      venueName: `Sociaal Huis ${town}`,
      venueAddress: `Kerkstraat 1, ${town}`,
      stepFree: true,
      accessibleToilet: true,
      parking: true,
      organiserName: `Sociaal Huis ${town}`,
      organiserContact: '',
      costCents: 0,
      registration: 'email',
      registrationDetail: `info@sociaalhuis.${slug}.test`,
      schedule: 'once',
      inDays: 9,
      startTime: '13:30',
      durationMinutes: 120,
    },
    {
      slug: 'kookworkshop-eenvoudig-en-gezond',
      title: 'Kookworkshop: eenvoudig en gezond koken',
      description:
        'Gezonde gerechten die weinig tijd vragen, met een diëtiste. Je proeft alles samen en neemt de recepten mee naar huis.',
      category: 'praktische-hulp',
      audiences: ['caregiver'],
      venueName: centre,
      venueAddress: centreAddress,
      stepFree: true,
      accessibleToilet: true,
      parking: false,
      organiserName: 'Thuiszorgdienst Ons Huis',
      organiserContact: '057 11 22 33',
      costCents: 800,
      registration: 'phone',
      registrationDetail: '057 11 22 33',
      schedule: 'once',
      inDays: 24,
      startTime: '14:00',
      durationMinutes: 150,
      proposed: true,
    },
  ];
}

/**
 * The demo activities of one municipality with their dates six months ahead (the same function
 * as the app, expectedDates), inside the seed's tenant transaction. Idempotent: an activity that
 * exists is left as it is (an admin's edits survive).
 */
export async function seedActivities(
  client: Client,
  ctx: DemoSeedContext,
  now = new Date(),
): Promise<DemoSeedCounts> {
  const town = ctx.tenantSlug.charAt(0).toUpperCase() + ctx.tenantSlug.slice(1);
  const today = DateTime.fromJSDate(now, { zone: LOCAL_ZONE }).startOf('day');
  const [professional] = (
    await client.query<{ id: string }>(
      `select id from memberships where tenant_id = $1 and role = 'professional' order by created_at limit 1`,
      [ctx.tenantId],
    )
  ).rows;
  let activitiesCreated = 0;
  let activityDatesCreated = 0;
  for (const demo of demoActivities(town, ctx.tenantSlug)) {
    const startsOn = today.plus({ days: demo.inDays }).toISODate()!;
    const rule = demo.schedule === 'once' ? null : ruleFor(demo.schedule, startsOn);
    const status: ActivityStatus = demo.proposed && professional ? 'submitted' : 'published';
    const inserted = await client.query<{ id: string }>(
      `insert into activities (tenant_id, title, slug, description, category, audiences, venue_name,
         venue_address, online, online_url, step_free, accessible_toilet, parking, organiser_name,
         organiser_contact, cost_cents, registration, registration_detail, recurrence_rule, starts_on,
         start_time, duration_minutes, status, submitted_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
         $20, $21, $22, $23, $24)
       on conflict (tenant_id, slug) do nothing returning id`,
      [
        ctx.tenantId,
        demo.title,
        demo.slug,
        demo.description,
        demo.category,
        demo.audiences,
        demo.venueName,
        demo.venueAddress,
        Boolean(demo.online),
        demo.online ?? '',
        demo.stepFree,
        demo.accessibleToilet,
        demo.parking,
        demo.organiserName,
        demo.organiserContact,
        demo.costCents,
        demo.registration,
        demo.registrationDetail,
        rule,
        startsOn,
        demo.startTime,
        demo.durationMinutes,
        status,
        status === 'submitted' ? professional.id : null,
      ],
    );
    const created = inserted.rows[0];
    if (!created) continue;
    activitiesCreated += 1;
    const dates = expectedDates(
      {
        recurrenceRule: rule,
        startsOn,
        endsOn: null,
        allDay: false,
        startTime: demo.startTime,
        durationMinutes: demo.durationMinutes,
      },
      now,
    );
    for (const date of dates) {
      await client.query(
        `insert into activity_occurrences (tenant_id, activity_id, starts_at, ends_at, occurrence_at)
         values ($1, $2, $3, $4, $3) on conflict do nothing`,
        [ctx.tenantId, created.id, date.startsAt, date.endsAt],
      );
      activityDatesCreated += 1;
    }
  }
  return { activitiesCreated, activityDatesCreated };
}
