import type { FeaturePart } from '../common/feature-part';
import { ORGANISATIONS_PART } from './organisations/organisations.part';
import { PAGES_PART } from './pages/pages.part';

/**
 * The Wegwijzer's capabilities, in the order their routes are matched and their seeders run:
 * the directory of care organisations, and the information guide with the hub's premium setting
 * (see docs/guide.md).
 */
export const GUIDE_PARTS: FeaturePart[] = [ORGANISATIONS_PART, PAGES_PART];
