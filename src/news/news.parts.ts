import type { FeaturePart } from '../common/feature-part';
import { ARTICLES_PART } from './articles/articles.part';
import { FEEDS_PART } from './feeds/feeds.part';
import { PAGES_PART } from './pages/pages.part';

/**
 * The news's capabilities, in the order their routes are matched and their seeders run:
 * articles (written on the platform), feeds (aggregated by the worker), then the reading pages
 * (`/nieuws`, `/nieuws/<slug>`, `/nieuws.rss`, the home section) that show both: the admin pages'
 * fixed paths come before `/nieuws/:slug`.
 */
export const NEWS_PARTS: FeaturePart[] = [ARTICLES_PART, FEEDS_PART, PAGES_PART];
