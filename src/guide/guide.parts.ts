import type { FeaturePart } from '../common/feature-part';
import { PAGES_PART } from './pages/pages.part';

/**
 * The Wegwijzer's capabilities, in the order their routes are matched and their seeders run:
 * for now the information guide with the hub's premium setting (see docs/guide.md).
 */
export const GUIDE_PARTS: FeaturePart[] = [PAGES_PART];
