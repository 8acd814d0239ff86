import type { FeaturePart } from '../../common/feature-part';

/** The news's articles (see docs/news.md). */
export const ARTICLES_PART: FeaturePart = {
  controllers: [],
  providers: [],
  jobProviders: [],
  strings: {},
  platformSeeders: [],
  demoSeeders: [],
};
