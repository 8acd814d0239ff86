import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { t } from '../../../i18n/i18n';
import { text, trim } from '../../../web/forms/transforms';
import { ARTICLE_STATUSES } from '../../common/entities/article-columns';

export const MAX_TITLE = 160;
export const MAX_SUMMARY = 400;
export const MAX_BODY = 20_000;
export const MAX_IMAGE_ALT = 200;

/** The buttons of the article form: save (the default, also Enter) or show the preview. */
export const ARTICLE_ACTIONS = ['bewaren', 'voorbeeld'] as const;

/**
 * An article's fields (the same form on a hub and on the platform host). The slug's own rules
 * (its form, the reserved words, taken) are checked in article-form.ts and by the service; the
 * publish date and time together there as well (Europe/Brussels).
 */
export class ArticleDto {
  // Stacked decorators apply bottom up; the last failing message is shown.
  @MaxLength(MAX_TITLE, { message: () => t('news.articles.error.titleTooLong') })
  @MinLength(3, { message: () => t('news.articles.error.title') })
  @Transform(trim)
  @IsString({ message: () => t('news.articles.error.title') })
  title: string;

  @MaxLength(200, { message: () => t('news.articles.error.slug') })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsString({ message: () => t('news.articles.error.slug') })
  slug: string;

  @MaxLength(MAX_SUMMARY, {
    message: () => t('news.articles.error.summaryTooLong', { max: MAX_SUMMARY }),
  })
  @IsNotEmpty({ message: () => t('news.articles.error.summary') })
  @Transform(text)
  @IsString({ message: () => t('news.articles.error.summary') })
  summary: string;

  @MaxLength(MAX_BODY, { message: () => t('news.articles.error.bodyTooLong', { max: MAX_BODY }) })
  @IsNotEmpty({ message: () => t('news.articles.error.body') })
  @Transform(text)
  @IsString({ message: () => t('news.articles.error.body') })
  body: string;

  @MaxLength(20, { message: () => t('news.articles.error.publishDate') })
  @Transform(trim)
  @IsString({ message: () => t('news.articles.error.publishDate') })
  publishDate: string;

  @MaxLength(20, { message: () => t('news.articles.error.publishTime') })
  @Transform(trim)
  @IsString({ message: () => t('news.articles.error.publishTime') })
  publishTime: string;

  @IsIn(ARTICLE_STATUSES, { message: () => t('news.articles.error.status') })
  status: string;

  @IsOptional()
  @IsIn(['1', ''], { message: () => t('news.articles.error.checkbox') })
  pinned?: string;

  /** The button pressed (its name and value are sent with the form). */
  @IsOptional()
  @IsIn(ARTICLE_ACTIONS, { message: () => t('news.articles.error.action') })
  actie?: string;
}

/** The text field of the image form (multipart; the file itself is checked by `prepareImage`). */
export class ArticleImageDto {
  /** What the image shows, on one line; missing or not text: empty. */
  @MaxLength(MAX_IMAGE_ALT, { message: () => t('news.articles.image.error.altTooLong') })
  @IsNotEmpty({ message: () => t('news.articles.image.error.altMissing') })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '',
  )
  imageAlt = '';
}
