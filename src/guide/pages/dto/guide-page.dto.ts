import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { t } from '../../../i18n/i18n';
import { text, trim } from '../../../web/forms/transforms';
import { GUIDE_PAGE_STATUSES } from '../../common/entities/guide-page-columns';
import { GUIDE_THEME_SLUGS } from '../../common/guide-themes';

export const MAX_TITLE = 200;
export const MAX_ANSWER = 300;
export const MAX_BODY = 20_000;
/** At most this many related pages under a page. */
export const MAX_RELATED = 6;

/** The buttons of the page form: save (the default, also Enter) or show the preview. */
export const PAGE_ACTIONS = ['bewaren', 'voorbeeld'] as const;

/**
 * A guide page's fields (the same form for a general page on the platform and a hub's own page).
 * The slug's form, the dates together and the related pages (`related[]`, checkboxes) are
 * checked in guide-page-form.ts; a slug in use by the service.
 */
export class GuidePageDto {
  // Stacked decorators apply bottom up; the last failing message is shown.
  @MaxLength(MAX_TITLE, { message: () => t('guide.pages.error.titleTooLong', { max: MAX_TITLE }) })
  @MinLength(3, { message: () => t('guide.pages.error.title') })
  @Transform(trim)
  @IsString({ message: () => t('guide.pages.error.title') })
  title: string;

  @MaxLength(100, { message: () => t('guide.pages.error.slug') })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsString({ message: () => t('guide.pages.error.slug') })
  slug: string;

  @IsIn(GUIDE_THEME_SLUGS, { message: () => t('guide.pages.error.theme') })
  theme: string;

  @MaxLength(MAX_ANSWER, {
    message: () => t('guide.pages.error.answerTooLong', { max: MAX_ANSWER }),
  })
  @IsNotEmpty({ message: () => t('guide.pages.error.answer') })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value,
  )
  @IsString({ message: () => t('guide.pages.error.answer') })
  answer: string;

  @MaxLength(MAX_BODY, { message: () => t('guide.pages.error.bodyTooLong', { max: MAX_BODY }) })
  @IsNotEmpty({ message: () => t('guide.pages.error.body') })
  @Transform(text)
  @IsString({ message: () => t('guide.pages.error.body') })
  body: string;

  @MaxLength(20, { message: () => t('guide.pages.error.reviewedOn') })
  @Transform(trim)
  @IsString({ message: () => t('guide.pages.error.reviewedOn') })
  reviewedOn: string;

  @MaxLength(20, { message: () => t('guide.pages.error.reviewDueOn') })
  @Transform(trim)
  @IsString({ message: () => t('guide.pages.error.reviewDueOn') })
  reviewDueOn: string;

  @IsIn(GUIDE_PAGE_STATUSES, { message: () => t('guide.pages.error.status') })
  status: string;

  /** A general page only: the hub's mantelzorgpremie shows under it. */
  @IsOptional()
  @IsIn(['1', ''], { message: () => t('guide.pages.error.checkbox') })
  showsPremium?: string;

  /** The button pressed (its name and value are sent with the form). */
  @IsOptional()
  @IsIn(PAGE_ACTIONS, { message: () => t('guide.pages.error.action') })
  actie?: string;
}
