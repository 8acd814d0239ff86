import {
  ActivitiesService,
  type ActivityInput,
} from '../../../src/calendar/activities/activities.service';
import { ruleFor } from '../../../src/calendar/activities/activity-dates';
import { localDateOf } from '../../../src/events/recurrence';
import type { TenantIds } from '../tenant-routes';
import type { TestManifest } from './test-manifest';

const admin = 'tenant_admin' as const;

/** A date a few weeks ahead (`YYYY-MM-DD`), so a one-off activity has a date still to come. */
const inWeeks = (weeks: number) => localDateOf(new Date(Date.now() + weeks * 7 * 24 * 3600_000));

/** A valid activity form (the fields the page posts). */
export const activityForm = (over: Record<string, string> = {}): Record<string, string> => ({
  title: 'Wandeling langs de Schelde',
  slug: '',
  description: 'Een rustige wandeling van een uur, met koffie na afloop.',
  category: 'beweging',
  audienceCaregiver: '1',
  where: 'venue',
  venueName: 'Dienstencentrum De Kouter',
  venueAddress: 'Kouterstraat 1, 9000 Gent',
  onlineUrl: '',
  organisationId: '',
  organiserName: 'Dienstencentrum De Kouter',
  organiserContact: '',
  organiserWebsite: '',
  cost: '',
  registration: 'none',
  registrationDetail: '',
  schedule: 'weekly',
  startsOn: inWeeks(1),
  endsOn: '',
  startTime: '10:00',
  endTime: '11:30',
  status: 'published',
  ...over,
});

/** The same as the service's input. */
export const activityInput = (title: string, over: Partial<ActivityInput> = {}): ActivityInput => ({
  title,
  slug: null,
  description: 'Een rustige wandeling van een uur, met koffie na afloop.',
  category: 'beweging',
  audiences: ['caregiver'],
  venueName: 'Dienstencentrum De Kouter',
  venueAddress: 'Kouterstraat 1, 9000 Gent',
  online: false,
  onlineUrl: '',
  stepFree: true,
  accessibleToilet: false,
  parking: false,
  organisationId: null,
  organiserName: 'Dienstencentrum De Kouter',
  organiserContact: '',
  organiserWebsite: '',
  costCents: 0,
  registration: 'none',
  registrationDetail: '',
  // The form's rule for its first date (activityForm): saving that form keeps the dates.
  recurrenceRule: ruleFor('weekly', inWeeks(1)),
  startsOn: inWeeks(1),
  endsOn: null,
  allDay: false,
  startTime: '10:00',
  durationMinutes: 90,
  ...over,
});

const adminActivity =
  (key: string, rest = '') =>
  (ids: TenantIds) =>
    `/beheer/activiteiten/${ids[key]}${rest}`;
const dateRoute = (action: string) => (ids: TenantIds) =>
  `/beheer/activiteiten/${ids.activityId}/data/${ids.activityDateId}/${action}`;

/**
 * The calendar's activities in the tests' registries (isolation, accessibility sweep, fuzz).
 * Each seeded municipality gets, through the service, a published activity (its title carries
 * the marker: it must never show on another hub) with its dates, and three proposals by its
 * professional: one to approve, one to send back, one that stays waiting.
 */
// prettier-ignore
export const CALENDAR_TEST_MANIFEST: TestManifest = {
  seeders: [
    async ({ t, tenantId, marker, members, run }) => {
      const activities = t.get(ActivitiesService);
      const made = async (title: string, by: string | null) => {
        const saved = await activities.create(tenantId, activityInput(title), by ? 'submitted' : 'published', by);
        if (!saved.ok) throw new Error(`activity refused: ${saved.reason}`);
        return saved.activity;
      };
      const professional = members.professional.membership!.id;
      const activity = await made(`${marker} Wandeling`, null);
      const toApprove = await made(`${marker} Kookworkshop`, professional);
      const toReturn = await made(`${marker} Praatgroep`, professional);
      const proposal = await made(`${marker} Infoavond`, professional);
      const [date] = await run((em) =>
        em.query<{ id: string }[]>(
          'select id from activity_occurrences where tenant_id = $1 and activity_id = $2 order by starts_at limit 1',
          [tenantId, activity.id],
        ),
      );
      return {
        activityId: activity.id,
        activitySlug: activity.slug,
        activityTitle: activity.title,
        activityDateId: date.id,
        activityToApproveId: toApprove.id,
        activityToReturnId: toReturn.id,
        activityProposalId: proposal.id,
        activityProposalTitle: proposal.title,
      };
    },
  ],
  tenantRoutes: [
    { method: 'GET', path: (ids) => `/kalender/${ids.activitySlug}`, actor: 'anonymous' },
    { method: 'GET', path: (ids) => `/kalender/${ids.activitySlug}.ics`, actor: 'anonymous' },
    { method: 'GET', path: adminActivity('activityId'), actor: admin },
    { method: 'POST', path: dateRoute('annuleren'), actor: admin, expect: 303 },
    { method: 'POST', path: dateRoute('herstellen'), actor: admin, expect: 303 },
    { method: 'POST', path: adminActivity('activityId'), actor: admin, body: (ids) => activityForm({ title: ids.activityTitle, slug: ids.activitySlug }), expect: 303 },
    { method: 'POST', path: adminActivity('activityToApproveId', '/goedkeuren'), actor: admin, expect: 303 },
    { method: 'POST', path: adminActivity('activityToReturnId', '/terugsturen'), actor: admin, body: () => ({ comment: 'Vul nog het adres aan.' }), expect: 303 },
    { method: 'GET', path: (ids) => `/kalender/voorstellen/${ids.activityProposalId}`, actor: 'professional' },
    { method: 'POST', path: (ids) => `/kalender/voorstellen/${ids.activityProposalId}`, actor: 'professional', body: (ids) => activityForm({ title: ids.activityProposalTitle }), expect: 303 },
  ],
  notTenantRoutes: {},
  globalTableRows: {},
  a11yPages: [
    { host: 'tenant', path: (ids) => `/kalender/${ids.activitySlug}`, viewer: 'anonymous' },
    { host: 'tenant', path: '/beheer/activiteiten', viewer: admin },
    { host: 'tenant', path: '/beheer/activiteiten/nieuw', viewer: admin, submitEmpty: true },
    { host: 'tenant', path: adminActivity('activityProposalId'), viewer: admin },
    { host: 'tenant', path: '/kalender/voorstellen', viewer: 'professional' },
    { host: 'tenant', path: '/kalender/voorstellen/nieuw', viewer: 'professional', submitEmpty: true },
    { host: 'tenant', path: (ids) => `/kalender/voorstellen/${ids.activityProposalId}`, viewer: 'professional' },
  ],
  notA11yPages: {
    'GET /kalender/:slug.ics': "an iCalendar file (the activity's dates)",
  },
  postRoutes: {
    'POST /beheer/activiteiten/nieuw': { actor: admin, path: () => '/beheer/activiteiten/nieuw', body: () => activityForm({ title: 'Fuzzwandeling' }) },
    'POST /beheer/activiteiten/:id': { actor: admin, path: adminActivity('activityId'), body: (ids) => activityForm({ title: ids.activityTitle, slug: ids.activitySlug }) },
    'POST /beheer/activiteiten/:id/terugsturen': { actor: admin, path: adminActivity('activityToReturnId', '/terugsturen'), page: null, body: () => ({ comment: 'Vul nog het adres aan.' }) },
    'POST /kalender/voorstellen/nieuw': { actor: 'professional', path: () => '/kalender/voorstellen/nieuw', body: () => activityForm({ title: 'Fuzzvoorstel' }) },
    'POST /kalender/voorstellen/:id': { actor: 'professional', path: (ids) => `/kalender/voorstellen/${ids.activityProposalId}`, body: (ids) => activityForm({ title: ids.activityProposalTitle }) },
  },
  postRoutesLast: {
    'POST /beheer/activiteiten/:id/goedkeuren': { actor: admin, path: adminActivity('activityToApproveId', '/goedkeuren'), page: null },
    'POST /beheer/activiteiten/:id/data/:occurrenceId/annuleren': { actor: admin, path: dateRoute('annuleren'), page: null },
    'POST /beheer/activiteiten/:id/data/:occurrenceId/herstellen': { actor: admin, path: dateRoute('herstellen'), page: null },
  },
};
