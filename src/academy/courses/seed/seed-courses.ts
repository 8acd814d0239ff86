import type { Client } from 'pg';
import type { DemoSeedContext, DemoSeedCounts } from '../../../common/feature-manifest';
import { localDateTime } from '../../../common/dates';
import { DateTime } from 'luxon';

/** Where each demo municipality holds its courses (made up, as all demo data). */
const PLACES: Record<string, { name: string; address: string; directions: string }> = {
  poperinge: {
    name: 'Lokaal dienstencentrum De Kouter',
    address: 'Ieperstraat 90, 8970 Poperinge',
    directions: 'Bus 60 stopt voor de deur. De zaal is op het gelijkvloers, links van het onthaal.',
  },
  ieper: {
    name: 'Sociaal Huis Ieper',
    address: 'Sint-Jacobsstraat 10, 8900 Ieper',
    directions: 'Vijf minuten wandelen van de Grote Markt. Vergaderzaal 2, met de lift naar boven.',
  },
  veurne: {
    name: 'Ontmoetingscentrum De Pastorie',
    address: 'Noordstraat 5, 8630 Veurne',
    directions: 'Achter de kerk. Parkeren kan op het plein.',
  },
  gent: {
    name: 'Lokaal dienstencentrum Ledeberg',
    address: 'Bevrijdingslaan 20, 9050 Gent',
    directions: 'Tram 2 tot halte Ledeberg. De zaal is op het gelijkvloers.',
  },
};

interface DemoCourse {
  slug: string;
  template: string;
  /** Days from today of each session (negative: in the past). */
  days: number[];
  capacity?: number;
  trainerName: string;
  trainerOrganisation: string;
  /** Link the municipality's professional as the trainer. */
  professionalTrains?: boolean;
  priceCents?: number;
  title?: string;
}

/** The five demo courses of every municipality (slugs fixed in the common brief). */
export const DEMO_COURSES: DemoCourse[] = [
  {
    slug: 'zorgen-zonder-jezelf-te-vergeten',
    template: 'zorgen-zonder-jezelf-te-vergeten',
    days: [14, 21, 28],
    capacity: 12,
    trainerName: 'An Vermeulen',
    trainerOrganisation: 'Vormingplus',
  },
  {
    slug: 'tillen-en-verplaatsen',
    template: 'tillen-en-verplaatsen',
    days: [10],
    capacity: 2,
    trainerName: 'Kristof De Smet',
    trainerOrganisation: 'Familiehulp',
    priceCents: 500,
  },
  {
    slug: 'omgaan-met-dementie',
    template: 'omgaan-met-dementie',
    days: [18, 25],
    trainerName: 'Els Maes',
    trainerOrganisation: 'Expertisecentrum Dementie Vlaanderen',
    professionalTrains: true,
  },
  {
    slug: 'een-mantelzorgbeleid-uitbouwen',
    template: 'een-mantelzorgbeleid-uitbouwen',
    days: [30, 44],
    trainerName: 'Peter Claeys',
    trainerOrganisation: 'Vlaams Ondersteuningscentrum Mantelzorg',
  },
  {
    slug: 'zorgen-zonder-jezelf-te-vergeten-najaar',
    template: 'zorgen-zonder-jezelf-te-vergeten',
    days: [-42, -35, -28],
    capacity: 12,
    trainerName: 'An Vermeulen',
    trainerOrganisation: 'Vormingplus',
    title: 'Zorgen zonder jezelf te vergeten (najaar)',
  },
];

/**
 * The demo courses of one municipality, inside the seed's tenant transaction, each from its
 * template (skipped when the template is missing), published, with sessions relative to now.
 * Idempotent by (tenant, slug): a course that exists is left as it is.
 */
export async function seedCourses(
  client: Client,
  ctx: DemoSeedContext,
  now = new Date(),
): Promise<DemoSeedCounts> {
  const counts = { coursesCreated: 0, courseSessionsCreated: 0 };
  const place = PLACES[ctx.tenantSlug] ?? PLACES.gent;
  const professionalUser = ctx.userIdByEmail.get(`sociaalwerker@${ctx.tenantSlug}.test`);
  const professional = professionalUser
    ? (
        await client.query<{ id: string }>(
          'select id from memberships where tenant_id = $1 and user_id = $2',
          [ctx.tenantId, professionalUser],
        )
      ).rows[0]?.id
    : undefined;
  const today = DateTime.fromJSDate(now, { zone: 'Europe/Brussels' });
  for (const demo of DEMO_COURSES) {
    const template = (
      await client.query<{
        id: string;
        title: string;
        kind: string;
        audiences: string[];
        summary: string;
        learning_goals: string;
        suggested_capacity: number;
      }>(
        'select id, title, kind, audiences, summary, learning_goals, suggested_capacity from academy_templates where slug = $1',
        [demo.template],
      )
    ).rows[0];
    if (!template) continue;
    const inserted = await client.query<{ id: string }>(
      `insert into courses (tenant_id, slug, template_id, title, kind, audiences, summary, learning_goals,
         trainer_name, trainer_organisation, trainer_membership_id, venue_name, venue_address,
         venue_directions, step_free, accessible_toilet, parking, price_cents, capacity, status,
         published_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, true, true, true, $15, $16,
         'published', $17)
       on conflict (tenant_id, slug) do nothing returning id`,
      [
        ctx.tenantId,
        demo.slug,
        template.id,
        demo.title ?? template.title,
        template.kind,
        template.audiences,
        template.summary,
        template.learning_goals,
        demo.trainerName,
        demo.trainerOrganisation,
        demo.professionalTrains ? (professional ?? null) : null,
        place.name,
        place.address,
        place.directions,
        demo.priceCents ?? 0,
        demo.capacity ?? template.suggested_capacity,
        now,
      ],
    );
    const courseId = inserted.rows[0]?.id;
    if (!courseId) continue;
    counts.coursesCreated++;
    const sessions = (
      await client.query<{
        position: number;
        title: string;
        programme: string;
        duration_minutes: number;
      }>(
        'select position, title, programme, duration_minutes from academy_template_sessions where template_id = $1 order by position',
        [template.id],
      )
    ).rows;
    for (const [i, days] of demo.days.entries()) {
      const s = sessions[i] ?? { title: '', programme: '', duration_minutes: 120 };
      const date = today.plus({ days }).toISODate()!;
      const startsAt = localDateTime(date, '14:00')!.toJSDate();
      const endsAt = new Date(startsAt.getTime() + s.duration_minutes * 60_000);
      await client.query(
        `insert into course_sessions (tenant_id, course_id, position, title, programme, starts_at, ends_at)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [ctx.tenantId, courseId, i + 1, s.title, s.programme, startsAt, endsAt],
      );
      counts.courseSessionsCreated++;
    }
  }
  return counts;
}
