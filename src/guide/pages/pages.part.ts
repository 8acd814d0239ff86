import type { FeaturePart } from '../../common/feature-part';
import { PAGES_STRINGS } from './pages.strings';

/** TODO(skeleton): filled by the pages work. */
export const PAGES_PART: FeaturePart = {
  controllers: [],
  providers: [],
  jobProviders: [],
  strings: PAGES_STRINGS,
  platformSeeders: [],
  demoSeeders: [],
};
