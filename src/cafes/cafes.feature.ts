import type { FeatureManifest } from '../common/feature-manifest';
import { CafesModule } from './cafes.module';
import { Cafe } from './common/entities/cafe.entity';
import { Meeting } from './common/entities/meeting.entity';
import { CafeFinderEntry } from './finder/entities/cafe-finder-entry.entity';
import { CafeFinderHub } from './finder/entities/cafe-finder-hub.entity';
import { CafeFollow } from './follows/entities/cafe-follow.entity';
import { CafeHost } from './hosting/entities/cafe-host.entity';
import { cafesNl } from './i18n/nl';
import { CafesJobsModule } from './jobs/cafes-jobs.module';
import { seedCafes } from './seed/seed-cafes';
import { seedSignups } from './seed/seed-signups';
import { seedWishes } from './seed/seed-wishes';
import { Signup } from './signups/entities/signup.entity';
import { WishVote } from './wishes/entities/wish-vote.entity';
import { Wish } from './wishes/entities/wish.entity';

/** Mantelzorgcafés: everything the app needs to know about the feature, in one place. */
export const CAFES_FEATURE: FeatureManifest<'cafes'> = {
  name: 'cafes',
  module: CafesModule,
  workerModule: CafesJobsModule,
  entities: [
    Cafe,
    CafeHost,
    Meeting,
    CafeFollow,
    Signup,
    Wish,
    WishVote,
    CafeFinderHub,
    CafeFinderEntry,
  ],
  strings: { nl: cafesNl },
  platformSeeders: [],
  // In this order: the sign-ups and wishes go to the cafés and meetings made first.
  demoSeeders: [
    (client, { tenantId, tenantSlug, userIdByEmail }) =>
      seedCafes(client, tenantId, tenantSlug, userIdByEmail),
    (client, { tenantId }) => seedSignups(client, tenantId),
    async (client, { tenantId }) => ({ wishesCreated: await seedWishes(client, tenantId) }),
  ],
  navigation: [
    { href: '/cafes', label: 'nav.cafes', order: 10, audience: 'tenant' },
    { href: '/mantelzorgcafes', label: 'nav.cafeFinder', order: 10, audience: 'platform' },
  ],
  adminLinks: [
    {
      href: '/beheer/cafes',
      label: 'cafes.title',
      hint: 'cafes.admin.overview.hint',
      host: 'tenant',
    },
  ],
};
