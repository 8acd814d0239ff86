import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { HEX_COLOR } from '../../web/contrast';
import { trim } from '../../web/forms/transforms';

/** "1D5C8F", "#1d5c8f" and "#15c" all become "#1d5c8f"; anything else is left for the validator. */
export function normalizeColor(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  let v = value.trim().toLowerCase();
  if (v === '') return v;
  if (!v.startsWith('#')) v = `#${v}`;
  if (/^#[0-9a-f]{3}$/.test(v)) v = `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`;
  return v;
}

/** Name and colour of the municipality (/beheer/huisstijl). */
export class BrandingDto {
  @Transform(trim)
  @IsNotEmpty({ message: 'Vul de naam van de stad of gemeente in.' })
  @MaxLength(120, {
    message: 'De naam van de stad of gemeente mag hoogstens 120 tekens lang zijn.',
  })
  @IsString({ message: 'Vul de naam van de stad of gemeente in.' })
  name: string;

  /** From the colour picker; ignored when a code is typed in `brandColorText`. */
  @ValidateIf((o: BrandingDto) => !o.brandColorText)
  @Transform(({ value }) => normalizeColor(value))
  @Matches(HEX_COLOR, { message: 'Kies de kleur van de gemeente.' })
  @IsString({ message: 'Kies de kleur van de gemeente.' })
  brandColor: string;

  @IsOptional()
  @Transform(({ value }) => normalizeColor(value))
  @Matches(/^$|^#[0-9a-f]{6}$/, {
    message:
      'De kleurcode "$value" klopt niet. Typ een # en zes cijfers of letters van a tot f, bijvoorbeeld #1d5c8f.',
  })
  @IsString({ message: 'Typ de kleurcode, bijvoorbeeld #1d5c8f.' })
  brandColorText?: string;
}
