import type { FeaturePart } from '../../common/feature-part';

/** The news's pages (see docs/news.md). */
export const PAGES_PART: FeaturePart = {
  controllers: [],
  providers: [],
  jobProviders: [],
  strings: {},
  platformSeeders: [],
  demoSeeders: [],
};
