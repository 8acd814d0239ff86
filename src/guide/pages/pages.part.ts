import { SignedLinks } from '../../common/signed-links';
import { AnonymousForms } from '../../web/anonymous/anonymous-forms';
import type { FeaturePart } from '../../common/feature-part';
import { seedGeneralGuide } from '../seed/seed-general-guide';
import { seedLocalGuide } from '../seed/seed-local-guide';
import { GeneralGuideAdminController, LocalGuideAdminController } from './guide-admin.controller';
import { FaqHomeSection } from './faq.home-section';
import { GuideFeedbackController } from './guide-feedback.controller';
import { GuideLocalService } from './guide-local.service';
import { GuidePagesController } from './guide-pages.controller';
import { GuidePagesService } from './guide-pages.service';
import { GuideReadingService } from './guide-reading.service';
import { GuideVotesService } from './guide-votes.service';
import { PAGES_STRINGS } from './pages.strings';

/**
 * The information guide (see docs/guide.md): the reading pages at /wegwijzer, the editors' pages
 * at /beheer/wegwijzer (general pages on the platform host; a hub's own pages, local parts and
 * premium on the hub), "Was dit nuttig?" at /a/wegwijzer with the feedback for the editors, and
 * the demo guide.
 */
export const PAGES_PART: FeaturePart = {
  controllers: [
    GuidePagesController,
    GuideFeedbackController,
    LocalGuideAdminController,
    GeneralGuideAdminController,
  ],
  providers: [
    GuidePagesService,
    GuideLocalService,
    GuideReadingService,
    GuideVotesService,
    SignedLinks,
    AnonymousForms,
    FaqHomeSection,
  ],
  jobProviders: [],
  strings: PAGES_STRINGS,
  platformSeeders: [seedGeneralGuide],
  demoSeeders: [seedLocalGuide],
};
