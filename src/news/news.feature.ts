import type { FeatureManifest } from '../common/feature-manifest';
import { GeneralArticle } from './common/entities/general-article.entity';
import { GeneralFeedItem } from './common/entities/general-feed-item.entity';
import { GeneralFeed } from './common/entities/general-feed.entity';
import { LocalArticle } from './common/entities/local-article.entity';
import { LocalFeedItem } from './common/entities/local-feed-item.entity';
import { LocalFeed } from './common/entities/local-feed.entity';
import { NewsSlug } from './common/entities/news-slug.entity';
import { newsNl } from './i18n/nl';
import { NewsJobsModule } from './jobs/news-jobs.module';
import { NewsModule } from './news.module';
import { NEWS_PARTS } from './news.parts';

/** News: everything the app needs to know about the feature, in one place. */
export const NEWS_FEATURE: FeatureManifest<'news'> = {
  name: 'news',
  module: NewsModule,
  workerModule: NewsJobsModule,
  entities: [
    LocalArticle,
    GeneralArticle,
    LocalFeed,
    GeneralFeed,
    LocalFeedItem,
    GeneralFeedItem,
    NewsSlug,
  ],
  strings: { nl: newsNl },
  platformSeeders: NEWS_PARTS.flatMap((part) => part.platformSeeders),
  demoSeeders: NEWS_PARTS.flatMap((part) => part.demoSeeders),
  navigation: [{ href: '/nieuws', label: 'nav.news', order: 17, audience: 'tenant' }],
  adminLinks: [
    {
      href: '/beheer/nieuws',
      label: 'news.admin.card',
      hint: 'news.admin.card.hint',
      host: 'tenant',
    },
    {
      href: '/beheer/nieuws',
      label: 'news.admin.card',
      hint: 'news.admin.platformCard.hint',
      host: 'platform',
    },
  ],
};
