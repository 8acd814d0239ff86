import type { FeatureManifest } from '../common/feature-manifest';
import { CareOrganisationChange } from './common/entities/care-organisation-change.entity';
import { CareOrganisationEditor } from './common/entities/care-organisation-editor.entity';
import { CareOrganisation } from './common/entities/care-organisation.entity';
import { CaregiverPremium } from './common/entities/caregiver-premium.entity';
import { GeneralGuidePage } from './common/entities/general-guide-page.entity';
import { GeneralGuideVote } from './common/entities/general-guide-vote.entity';
import { GuideLocalPartOrganisation } from './common/entities/guide-local-part-organisation.entity';
import { GuideLocalPart } from './common/entities/guide-local-part.entity';
import { LocalGuidePage } from './common/entities/local-guide-page.entity';
import { LocalGuideVote } from './common/entities/local-guide-vote.entity';
import { GuideModule } from './guide.module';
import { GUIDE_PARTS } from './guide.parts';
import { guideNl } from './i18n/nl';

/** The Wegwijzer (issue 11): everything the app needs to know about the feature, in one place. */
export const GUIDE_FEATURE: FeatureManifest<'guide'> = {
  name: 'guide',
  module: GuideModule,
  workerModule: null,
  entities: [
    GeneralGuidePage,
    LocalGuidePage,
    GuideLocalPart,
    CaregiverPremium,
    GeneralGuideVote,
    LocalGuideVote,
    CareOrganisation,
    GuideLocalPartOrganisation,
    CareOrganisationEditor,
    CareOrganisationChange,
  ],
  strings: { nl: guideNl },
  platformSeeders: GUIDE_PARTS.flatMap((part) => part.platformSeeders),
  demoSeeders: GUIDE_PARTS.flatMap((part) => part.demoSeeders),
  navigation: [
    { href: '/wegwijzer', label: 'nav.guide', order: 18, audience: 'tenant' },
    { href: '/hulp-in-de-buurt', label: 'nav.help', order: 19, audience: 'tenant' },
  ],
  adminLinks: [
    {
      href: '/beheer/wegwijzer',
      label: 'guide.admin.card',
      hint: 'guide.admin.card.hint',
      host: 'tenant',
    },
    {
      href: '/beheer/hulp-in-de-buurt',
      label: 'guide.orgs.admin.card',
      hint: 'guide.orgs.admin.card.hint',
      host: 'tenant',
    },
    {
      href: '/beheer/wegwijzer',
      label: 'guide.admin.card',
      hint: 'guide.admin.platformCard.hint',
      host: 'platform',
    },
  ],
};
