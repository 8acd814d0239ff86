import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { t } from '../../../i18n/i18n';
import { trim } from '../../../web/forms/transforms';
import { MIN_REFRESH_MINUTES } from '../../common/entities/feed-columns';
import { MAX_REFRESH_MINUTES } from '../feed-schedule';

const minutesMessage = () =>
  t('news.feeds.error.refreshMinutes', { min: MIN_REFRESH_MINUTES, max: MAX_REFRESH_MINUTES });

export const MAX_URL = 2000;
export const MAX_NAME = 160;

/** How a feed's items show on the hub: in full, or their summary with a link to the original. */
export const FEED_DISPLAYS = ['samenvatting', 'volledig'] as const;

/**
 * A feed's fields (the same form on a hub and on the platform host). The address's own rules
 * (http or https, a valid web address) and the interval's range are checked in feed-form.ts,
 * each with a message at its field.
 */
export class FeedDto {
  // Stacked decorators apply bottom up; the last failing message is shown.
  @MaxLength(MAX_URL, { message: () => t('news.feeds.error.urlTooLong', { max: MAX_URL }) })
  @IsNotEmpty({ message: () => t('news.feeds.error.urlMissing') })
  @Transform(trim)
  @IsString({ message: () => t('news.feeds.error.urlMissing') })
  url: string;

  @MaxLength(MAX_NAME, { message: () => t('news.feeds.error.nameTooLong', { max: MAX_NAME }) })
  @IsNotEmpty({ message: () => t('news.feeds.error.name') })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value,
  )
  @IsString({ message: () => t('news.feeds.error.name') })
  name: string;

  @MaxLength(10, { message: minutesMessage })
  @Transform(trim)
  @IsString({ message: minutesMessage })
  refreshMinutes: string;

  @IsOptional()
  @IsIn(['1', ''], { message: () => t('news.feeds.error.checkbox') })
  enabled?: string;

  @IsIn(FEED_DISPLAYS, { message: () => t('news.feeds.error.display') })
  display: string;
}
