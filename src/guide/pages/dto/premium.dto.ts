import { Transform } from 'class-transformer';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { EURO_AMOUNT } from '../../../common/money';
import { t } from '../../../i18n/i18n';
import { text, trim } from '../../../web/forms/transforms';
import { PREMIUM_PERIODS } from '../../common/entities/caregiver-premium.entity';

export const MAX_PREMIUM_TEXT = 2_000;

/**
 * The mantelzorgpremie form of a hub. Whether an amount and a period are needed depends on the
 * answer to "offered" (premium-form.ts checks them together).
 */
export class PremiumDto {
  @IsIn(['ja', 'nee'], { message: () => t('guide.premium.error.offered') })
  offered: string;

  @Matches(EURO_AMOUNT, { message: () => t('guide.premium.error.amount') })
  @Transform(trim)
  @IsString({ message: () => t('guide.premium.error.amount') })
  amount: string;

  @IsIn(['', ...PREMIUM_PERIODS], { message: () => t('guide.premium.error.period') })
  @Transform(({ value }: { value: unknown }) => (value === undefined ? '' : value))
  period: string;

  @MaxLength(MAX_PREMIUM_TEXT, {
    message: () => t('guide.premium.error.tooLong', { max: MAX_PREMIUM_TEXT }),
  })
  @Transform(text)
  @IsString({ message: () => t('guide.premium.error.conditions') })
  conditions: string;

  @MaxLength(MAX_PREMIUM_TEXT, {
    message: () => t('guide.premium.error.tooLong', { max: MAX_PREMIUM_TEXT }),
  })
  @Transform(text)
  @IsString({ message: () => t('guide.premium.error.howToApply') })
  howToApply: string;
}

/** The local part's form: the text under a general page (empty: no local part). */
export class LocalPartDto {
  @MaxLength(10_000, { message: () => t('guide.local.error.bodyTooLong', { max: 10_000 }) })
  @Transform(text)
  @IsString({ message: () => t('guide.local.error.body') })
  body: string;

  @IsIn(['bewaren', 'voorbeeld'], { message: () => t('guide.pages.error.action') })
  actie: string = 'bewaren';
}
