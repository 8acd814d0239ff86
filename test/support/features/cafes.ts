import { Meeting } from '../../../src/cafes/common/entities/meeting.entity';
import { CafeFinderCopyService } from '../../../src/cafes/finder/cafe-finder-copy.service';
import { ReminderLinksService } from '../../../src/cafes/reminders/reminder-links.service';
import { SignupsService } from '../../../src/cafes/signups/signups.service';
import { Signup } from '../../../src/cafes/signups/entities/signup.entity';
import type { TenantIds } from '../tenant-routes';
import { cafeForm, meetingBody, seedCafeRows, cafeFixtures } from '../cafes';
import { PNG } from './png';
import type { TestManifest } from './test-manifest';

const host = { participant: 'cafeHost' } as const;
const cafe =
  (rest = '') =>
  (ids: TenantIds) =>
    `/cafes/${ids.cafeSlug}${rest}`;
const meeting =
  (rest = '') =>
  (ids: TenantIds) =>
    `/cafes/${ids.cafeSlug}/${ids.meetingKey}${rest}`;

/** The cafés in the tests' registries (isolation, accessibility sweep, fuzz). */
export const CAFES_TEST_MANIFEST: TestManifest = {
  // prettier-ignore
  tenantRoutes: [
    // Cafés: the positive control runs these in order with A's own ids (edit before cancel).
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}`, actor: 'anonymous' },
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}`, actor: 'anonymous' },
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}.ics`, actor: 'anonymous' },
    // Theme wishes and the host dashboard (before the meeting is cancelled below: attaching needs it;
    // the author withdraws the wish last).
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/wensen`, actor: 'anonymous' },
    { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/wensen`, actor: 'caregiver', body: () => ({ kind: 'theme', text: 'Slapen als je zorgt' }), expect: 303 },
    { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/wensen/${ids.wishId}/stem`, actor: 'professional', expect: 303 },
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/aanmeldingen`, actor: host },
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/${ids.meetingKey}/aanwezigheidslijst`, actor: host },
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/${ids.meetingKey}/aanmeldingen.csv`, actor: host },
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/wensen`, actor: host },
    { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/wensen/${ids.wishId}/koppelen`, actor: host, body: (ids) => ({ bijeenkomst: ids.meetingKey }), expect: 303 },
    { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/wensen/${ids.wishId}/intrekken`, actor: { participant: 'wishAuthor' }, expect: 303 },
    // Sign-up, cancel, follow (before the meeting is cancelled below) and the signed one-click cancel link.
    { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/aanmelden`, actor: 'professional', body: () => ({ companions: '1', transport: '1' }), expect: 303 },
    { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/afmelden`, actor: 'professional', expect: 303 },
    { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/volgen`, actor: 'professional', expect: 303 },
    { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/ontvolgen`, actor: 'professional', expect: 303 },
    { method: 'GET', path: (ids) => `/e/afmelden/${ids.signupCancelToken}`, actor: 'anonymous' },
    { method: 'POST', path: (ids) => `/e/afmelden/${ids.signupCancelToken}`, actor: 'anonymous' },
    // The one-click links of a reminder mail (sign up, stop this café, stop all), bound to their municipality.
    { method: 'GET', path: (ids) => `/e/aanmelden/${ids.reminderSignupToken}`, actor: 'anonymous' },
    { method: 'POST', path: (ids) => `/e/aanmelden/${ids.reminderSignupToken}`, actor: 'anonymous' },
    { method: 'GET', path: (ids) => `/e/herinneringen/${ids.remindersCafeOffToken}`, actor: 'anonymous' },
    { method: 'POST', path: (ids) => `/e/herinneringen/${ids.remindersCafeOffToken}`, actor: 'anonymous' },
    { method: 'GET', path: (ids) => `/e/herinneringen-alle/${ids.remindersAllOffToken}`, actor: 'anonymous' },
    { method: 'POST', path: (ids) => `/e/herinneringen-alle/${ids.remindersAllOffToken}`, actor: 'anonymous' },
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer`, actor: host },
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/nieuwe-bijeenkomst`, actor: host },
    { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/nieuwe-bijeenkomst`, actor: host, body: meetingBody, expect: 303 },
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/bewerken`, actor: host },
    { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/bewerken`, actor: host, body: meetingBody, expect: 303 },
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/annuleren`, actor: host },
    { method: 'POST', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/annuleren`, actor: host, expect: 303 },
    { method: 'GET', path: (ids) => `/beheer/cafes/${ids.cafeSlug}`, actor: 'tenant_admin' },
    { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}`, actor: 'tenant_admin', body: (ids) => cafeForm({ slug: ids.cafeSlug, name: 'Mantelzorgcafé Centrum' }), expect: 303 },
    { method: 'GET', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep`, actor: 'tenant_admin' },
    { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep/${ids.cafeHostId}/verwijderen`, actor: 'tenant_admin', expect: 303 },
    { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep`, actor: 'tenant_admin', body: (ids) => ({ membershipId: ids.membershipId }), expect: 303 },
    { method: 'GET', path: (ids) => `/cafes/${ids.cafeSlug}/foto`, actor: 'anonymous' },
    { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/foto`, actor: 'tenant_admin', body: () => ({ photoAlt: 'De ingang van het dienstencentrum' }), expect: 303 },
    { method: 'POST', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/foto/verwijderen`, actor: 'tenant_admin', expect: 303 },
  ],
  notTenantRoutes: {},
  seeders: [
    // cafes, cafe_hosts, meetings, cafe_follows, signups, wishes, wish_votes: the caregiver hosts the
    // café, wrote the wish and signed up.
    async (ctx) => {
      const ids = await seedCafeRows(ctx);
      ctx.participants.cafeHost = ctx.members.caregiver;
      ctx.participants.wishAuthor = ctx.members.caregiver;
      return ids;
    },
    // A meeting key is its date, so both tenants' rule meetings have the same keys: A's slug with
    // B's key would find A's own meeting. The routes use a one-off meeting on a day of this tenant's
    // own instead (the caregiver signed up to it, so its lists show a name).
    async ({ t, tenantId, ids, ordinal, run }) => {
      const cafes = cafeFixtures(t);
      return run(async (em) => {
        const rule = await em
          .getRepository(Meeting)
          .findOneByOrFail({ tenantId, id: ids.meetingId });
        const cafe = (await cafes.findCafe(em, tenantId, ids.cafeSlug))!;
        const day = 24 * 3_600_000 * (ordinal + 1);
        const meeting = await cafes.addMeeting(em, tenantId, cafe, {
          theme: 'Een extra bijeenkomst',
          speaker: null,
          speakerExpertise: null,
          description: '',
          startsAt: new Date(rule.startsAt.getTime() + day),
          endsAt: new Date(rule.endsAt.getTime() + day),
          capacity: 20,
        });
        await em.getRepository(Signup).insert({
          tenantId,
          meetingId: meeting.id,
          membershipId: ids.membershipId,
          companions: 0,
          status: 'confirmed',
        });
        return { meetingId: meeting.id, meetingKey: meeting.key };
      });
    },
    // the café's photo (a second row in files; /cafes/<slug>/foto)
    async ({ t, tenantId, ids }) => {
      const cafes = cafeFixtures(t);
      await cafes.setPhoto(
        tenantId,
        ids.cafeId,
        { contentType: 'image/png', content: PNG },
        'Het café',
      );
    },
    // the signed one-click cancel link of the seeded sign-up (/e/afmelden/<token>)
    async ({ t, tenantId, ids, run }) => ({
      signupCancelToken: await run((em) =>
        t.get(SignupsService).cancelTokenFor(em, tenantId, ids.meetingId, ids.membershipId),
      ),
    }),
    // the signed links of a reminder mail (/e/aanmelden, /e/herinneringen, /e/herinneringen-alle)
    async ({ t, tenantId, ids, run }) => {
      const links = t.get(ReminderLinksService);
      const meeting = await run((em) =>
        em.getRepository(Meeting).findOneByOrFail({ tenantId, id: ids.meetingId }),
      );
      return {
        reminderSignupToken: links.signupToken(tenantId, ids.adminMembershipId, meeting),
        remindersCafeOffToken: links.cafeOffToken(tenantId, ids.membershipId, ids.cafeId),
        remindersAllOffToken: links.allOffToken(tenantId, ids.membershipId),
      };
    },
    // cafe_finder_hubs, cafe_finder_entries: the hub's cafés copied for the platform's finder
    async ({ t, tenant }) => {
      await t.get(CafeFinderCopyService).copyHub(tenant);
    },
  ],
  // The café finder's copy (global, public fields only): its rows name their hub.
  globalTableRows: {
    cafe_finder_hubs: 'hub_tenant_id = $1',
    cafe_finder_entries: 'hub_tenant_id = $1',
  },
  // prettier-ignore
  a11yPages: [
    // the platform's café finder
    { host: 'platform', path: '/mantelzorgcafes', viewer: 'anonymous' },
    // cafés: the public pages
    { host: 'tenant', path: '/cafes', viewer: 'anonymous' },
    { host: 'tenant', path: cafe(), viewer: 'anonymous' },
    { host: 'tenant', path: meeting(), viewer: 'anonymous' },
    { host: 'tenant', path: cafe('/wensen'), viewer: 'anonymous' },
    // cafés: a member (signed up, or not yet), wishes, their own lists and the one-click mail links
    { host: 'tenant', path: meeting(), viewer: 'caregiver' },
    { host: 'tenant', path: meeting(), viewer: 'professional' },
    { host: 'tenant', path: cafe('/wensen'), viewer: 'caregiver', submitEmpty: true },
    { host: 'tenant', path: '/mijn-herinneringen', viewer: 'caregiver' },
    { host: 'tenant', path: (ids) => `/e/afmelden/${ids.signupCancelToken}`, viewer: 'anonymous' },
    { host: 'tenant', path: (ids) => `/e/aanmelden/${ids.reminderSignupToken}`, viewer: 'anonymous' },
    { host: 'tenant', path: (ids) => `/e/herinneringen/${ids.remindersCafeOffToken}`, viewer: 'anonymous' },
    { host: 'tenant', path: (ids) => `/e/herinneringen-alle/${ids.remindersAllOffToken}`, viewer: 'anonymous' },
    // cafés: the core group (the caregiver hosts the café)
    { host: 'tenant', path: cafe('/beheer'), viewer: 'caregiver' },
    { host: 'tenant', path: cafe('/beheer/nieuwe-bijeenkomst'), viewer: 'caregiver', submitEmpty: true },
    { host: 'tenant', path: meeting('/bewerken'), viewer: 'caregiver' }, // the new meeting's form, filled in
    { host: 'tenant', path: meeting('/annuleren'), viewer: 'caregiver' },
    { host: 'tenant', path: cafe('/beheer/aanmeldingen'), viewer: 'caregiver' },
    { host: 'tenant', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/${ids.meetingKey}/aanwezigheidslijst`, viewer: 'caregiver' },
    { host: 'tenant', path: cafe('/beheer/wensen'), viewer: 'caregiver' },
    // cafés: the municipality's admin
    { host: 'tenant', path: '/beheer/cafes', viewer: 'tenant_admin' },
    { host: 'tenant', path: '/beheer/cafes/nieuw', viewer: 'tenant_admin', submitEmpty: true },
    { host: 'tenant', path: (ids) => `/beheer/cafes/${ids.cafeSlug}`, viewer: 'tenant_admin' }, // the new café's form, filled in
    { host: 'tenant', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep`, viewer: 'tenant_admin' },
  ],
  notA11yPages: {
    'GET /cafes/:slug/foto': "the café's photo (an image, no page)",
    'GET /cafes/:slug/:meeting.ics': 'a calendar file',
    'GET /cafes/:slug/beheer/:meeting/aanmeldingen.csv': 'a spreadsheet (CSV) of the sign-ups',
  },
  // prettier-ignore
  postRoutes: {
    'POST /e/afmelden/:token': { actor: 'anonymous', path: (ids) => `/e/afmelden/${ids.signupCancelToken}` },
    'POST /e/aanmelden/:token': { actor: 'anonymous', path: (ids) => `/e/aanmelden/${ids.reminderSignupToken}` },
    'POST /e/herinneringen/:token': { actor: 'anonymous', path: (ids) => `/e/herinneringen/${ids.remindersCafeOffToken}` },
    'POST /e/herinneringen-alle/:token': { actor: 'anonymous', path: (ids) => `/e/herinneringen-alle/${ids.remindersAllOffToken}` },
    'POST /mijn-herinneringen': { actor: 'caregiver', path: () => '/mijn-herinneringen' },
    'POST /cafes/:slug/wensen': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/wensen`, body: () => ({ kind: 'theme', text: 'Slapen als je zorgt' }) },
    'POST /cafes/:slug/wensen/:wish/stem': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/wensen/${ids.wishId}/stem`, page: null, body: () => ({ terug: 'cafe' }) },
    'POST /cafes/:slug/wensen/:wish/intrekken': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/wensen/${ids.wishId}/intrekken`, page: null, body: () => ({ terug: 'cafe' }) },
    'POST /cafes/:slug/:meeting/aanmelden': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/aanmelden`, page: null, body: () => ({ companions: '1', transport: '1' }) },
    'POST /cafes/:slug/volgen': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/volgen`, page: null },
    'POST /cafes/:slug/ontvolgen': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/ontvolgen`, page: null },
    'POST /cafes/:slug/beheer/nieuwe-bijeenkomst': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/nieuwe-bijeenkomst`, body: meetingBody },
    'POST /cafes/:slug/:meeting/bewerken': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/bewerken` },
    'POST /cafes/:slug/beheer/wensen/:wish/koppelen': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/wensen/${ids.wishId}/koppelen`, page: (ids) => `/cafes/${ids.cafeSlug}/beheer/wensen`, body: (ids) => ({ bijeenkomst: ids.meetingKey }) },
    'POST /beheer/cafes/nieuw': { actor: 'tenant_admin', path: () => '/beheer/cafes/nieuw', body: () => ({ name: 'Fuzzcafé', slug: '', venueName: 'Het lokaal', venueAddress: 'Kerkstraat 1, 9000 Gent' }) },
    'POST /beheer/cafes/:slug': { actor: 'tenant_admin', path: (ids) => `/beheer/cafes/${ids.cafeSlug}` },
    'POST /beheer/cafes/:slug/kerngroep': { actor: 'tenant_admin', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep`, body: (ids) => ({ membershipId: ids.professionalMembershipId }) },
    'POST /beheer/cafes/:slug/foto': { actor: 'tenant_admin', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/foto`, page: null, multipart: true, body: () => ({ photoAlt: 'De ingang van het dienstencentrum' }) },
    'POST /beheer/cafes/:slug/foto/verwijderen': { actor: 'tenant_admin', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/foto/verwijderen`, page: null },
  },
  // prettier-ignore
  postRoutesLast: {
    'POST /cafes/:slug/:meeting/afmelden': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/afmelden`, page: null, body: () => ({ terug: '/mijn-aanmeldingen' }) },
    'POST /cafes/:slug/:meeting/annuleren': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/annuleren` },
    'POST /beheer/cafes/:slug/kerngroep/:hostId/verwijderen': { actor: 'tenant_admin', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep/${ids.cafeHostId}/verwijderen`, page: null },
  },
};
