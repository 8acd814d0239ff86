import type { FeaturePart } from '../../common/feature-part';
import { FINDER_STRINGS } from './finder.strings';

/** TODO(skeleton): filled by the finder work. */
export const FINDER_PART: FeaturePart = {
  controllers: [],
  providers: [],
  jobProviders: [],
  strings: FINDER_STRINGS,
  platformSeeders: [],
  demoSeeders: [],
};
