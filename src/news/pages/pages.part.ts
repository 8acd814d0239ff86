import type { FeaturePart } from '../../common/feature-part';
import { seedGeneralNews } from '../seed/seed-general-news';
import { seedLocalNews } from '../seed/seed-local-news';
import { LatestNewsHomeSection } from './latest-news.home-section';
import { NewsPagesController } from './news-pages.controller';
import { NewsPagesService } from './news-pages.service';
import { PAGES_STRINGS } from './pages.strings';

/** The news's reading pages: /nieuws, /nieuws/<slug>, /nieuws.rss, the home section, and the demo news (see docs/news.md). */
export const PAGES_PART: FeaturePart = {
  controllers: [NewsPagesController],
  providers: [NewsPagesService, LatestNewsHomeSection],
  jobProviders: [],
  strings: PAGES_STRINGS,
  platformSeeders: [seedGeneralNews],
  demoSeeders: [seedLocalNews],
};
