import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { t } from '../../../i18n/i18n';
import { text } from '../../../web/forms/transforms';
import { MAX_FEEDBACK_COMMENT } from '../../common/entities/guide-vote-columns';

/** "Was dit nuttig?": the button pressed, with the page's token. */
export class UsefulDto {
  @IsString({ message: () => t('guide.feedback.error.token') })
  token: string;

  @IsIn(['ja', 'nee'], { message: () => t('guide.feedback.error.useful') })
  nuttig: string;
}

/** After a "nee": what the reader was looking for (may stay empty). */
export class CommentDto {
  @IsString({ message: () => t('guide.feedback.error.token') })
  token: string;

  @IsOptional()
  @MaxLength(MAX_FEEDBACK_COMMENT, {
    message: () => t('guide.feedback.error.commentTooLong', { max: MAX_FEEDBACK_COMMENT }),
  })
  @Transform(text)
  @IsString({ message: () => t('guide.feedback.error.comment') })
  comment?: string;
}
