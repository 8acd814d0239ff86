import type { FeaturePart } from '../../common/feature-part';
import { ArticleImageUploadFilter } from './article-image-upload.filter';
import { ArticleImagesController } from './article-images.controller';
import { ArticleOfUploadInterceptor } from './article-of-upload.interceptor';
import {
  GeneralArticlesAdminController,
  LocalArticlesAdminController,
} from './articles-admin.controller';
import { ArticlesService } from './articles.service';
import { ARTICLE_STRINGS } from './articles.strings';

/**
 * The news's articles (see docs/news.md): a hub's local articles written by its admins
 * (/beheer/nieuws), the general ones by platform admins (/beheer/nieuws on the platform host),
 * one form and one service for both; their images at /nieuws/beeld/... The demo articles come
 * with the news's seed (src/news/seed).
 */
export const ARTICLES_PART: FeaturePart = {
  controllers: [
    LocalArticlesAdminController,
    GeneralArticlesAdminController,
    ArticleImagesController,
  ],
  providers: [ArticlesService, ArticleOfUploadInterceptor, ArticleImageUploadFilter],
  jobProviders: [],
  strings: ARTICLE_STRINGS,
  platformSeeders: [],
  demoSeeders: [],
};
