import type { FeaturePart } from '../common/feature-part';
import { FINDER_PART } from './finder/finder.part';
import { ORGANISATIONS_PART } from './organisations/organisations.part';
import { PAGES_PART } from './pages/pages.part';

/**
 * The Wegwijzer's capabilities, in the order their routes are matched and their seeders run:
 * the directory of care organisations (the guide's local parts link to them, so they are seeded
 * first), the information guide with the hub's premium setting, and the platform's café finder.
 */
export const GUIDE_PARTS: FeaturePart[] = [ORGANISATIONS_PART, PAGES_PART, FINDER_PART];
