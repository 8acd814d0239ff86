import { Transform } from 'class-transformer';
import { IsNotEmpty, MaxLength } from 'class-validator';
// The messages are looked up when a form is checked: the café strings load with the feature.
import { t } from '../../../i18n/i18n';

export const MAX_PHOTO_ALT = 200;

/** The text fields of the photo form (multipart; the file itself is checked by `prepareImage`). */
export class PhotoDto {
  /** What the photo shows, on one line; missing or not text: empty. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '',
  )
  @IsNotEmpty({ message: () => t('cafes.photo.error.altMissing') })
  @MaxLength(MAX_PHOTO_ALT, { message: () => t('cafes.photo.error.altTooLong') })
  photoAlt = '';
}
