import { NEWS_PARTS } from '../../news.parts';
import news from './news';

/** The news's Dutch strings: the shared ones here, each capability's from its part file. */
export const newsNl: Record<string, string> = Object.assign(
  { ...news },
  ...NEWS_PARTS.map((part) => part.strings),
);
