import type { FeaturePart } from '../../common/feature-part';
import { ORGANISATIONS_STRINGS } from './organisations.strings';

/** TODO(skeleton): filled by the organisations work. */
export const ORGANISATIONS_PART: FeaturePart = {
  controllers: [],
  providers: [],
  jobProviders: [],
  strings: ORGANISATIONS_STRINGS,
  platformSeeders: [],
  demoSeeders: [],
};
