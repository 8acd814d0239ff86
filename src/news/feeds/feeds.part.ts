import type { FeaturePart } from '../../common/feature-part';

/** The news's feeds (see docs/news.md). */
export const FEEDS_PART: FeaturePart = {
  controllers: [],
  providers: [],
  jobProviders: [],
  strings: {},
  platformSeeders: [],
  demoSeeders: [],
};
