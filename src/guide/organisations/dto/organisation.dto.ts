import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { t } from '../../../i18n/i18n';
import { trim } from '../../../web/forms/transforms';
import { ORGANISATION_KIND_KEYS } from '../../common/organisation-kinds';

/** Spaces inside a one-line field become one (a pasted cell may hold line breaks). */
const oneLine = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value;

/** A Belgian number: 0 and 8 or 9 digits, or +32 and 8 or 9, with spaces, dots, slashes or dashes between. */
export const BELGIAN_PHONE = /^(?:\+32[ ./-]?|0)[1-9](?:[ ./-]?\d){7,8}$/;

const filled = (value: unknown) => typeof value === 'string' && value !== '';

/**
 * An organisation of the directory: the same fields, rules and Dutch messages for the admin's
 * form and for every row of an imported CSV file (organisation-csv.ts). Optional text is ''.
 */
export class OrganisationDto {
  // Stacked decorators apply bottom up; the last failing message is shown.
  @MaxLength(150, { message: () => t('guide.orgs.error.nameTooLong', { max: 150 }) })
  @MinLength(2, { message: () => t('guide.orgs.error.name') })
  @Transform(oneLine)
  @IsString({ message: () => t('guide.orgs.error.name') })
  name: string;

  @IsIn(ORGANISATION_KIND_KEYS, { message: () => t('guide.orgs.error.kind') })
  kind: string;

  @MaxLength(300, { message: () => t('guide.orgs.error.tooLong', { max: 300 }) })
  @IsNotEmpty({ message: () => t('guide.orgs.error.offer') })
  @Transform(oneLine)
  @IsString({ message: () => t('guide.orgs.error.offer') })
  offer: string;

  @MaxLength(200, { message: () => t('guide.orgs.error.tooLong', { max: 200 }) })
  @Transform(oneLine)
  @IsString({ message: () => t('guide.orgs.error.text') })
  audience = '';

  @MaxLength(200, { message: () => t('guide.orgs.error.tooLong', { max: 200 }) })
  @Transform(oneLine)
  @IsString({ message: () => t('guide.orgs.error.text') })
  address = '';

  @Matches(/^(|[1-9]\d{3})$/, { message: () => t('guide.orgs.error.postcode') })
  @Transform(trim)
  @IsString({ message: () => t('guide.orgs.error.postcode') })
  postcode = '';

  @MaxLength(100, { message: () => t('guide.orgs.error.tooLong', { max: 100 }) })
  @Transform(oneLine)
  @IsString({ message: () => t('guide.orgs.error.text') })
  town = '';

  @ValidateIf((o: OrganisationDto) => filled(o.phone))
  @Matches(BELGIAN_PHONE, { message: () => t('guide.orgs.error.phone') })
  @MaxLength(40, { message: () => t('guide.orgs.error.phone') })
  @Transform(oneLine)
  @IsString({ message: () => t('guide.orgs.error.phone') })
  phone = '';

  @ValidateIf((o: OrganisationDto) => filled(o.email))
  @IsEmail({}, { message: () => t('guide.orgs.error.email') })
  @MaxLength(254, { message: () => t('guide.orgs.error.email') })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsString({ message: () => t('guide.orgs.error.email') })
  email = '';

  @ValidateIf((o: OrganisationDto) => filled(o.website))
  @Matches(/^https?:\/\/[^\s/$.?#][^\s]*$/i, { message: () => t('guide.orgs.error.website') })
  @MaxLength(500, { message: () => t('guide.orgs.error.website') })
  @Transform(trim)
  @IsString({ message: () => t('guide.orgs.error.website') })
  website = '';

  @MaxLength(300, { message: () => t('guide.orgs.error.tooLong', { max: 300 }) })
  @Transform(oneLine)
  @IsString({ message: () => t('guide.orgs.error.text') })
  openingHours = '';

  @MaxLength(200, { message: () => t('guide.orgs.error.tooLong', { max: 200 }) })
  @Transform(oneLine)
  @IsString({ message: () => t('guide.orgs.error.text') })
  cost = '';

  @MaxLength(300, { message: () => t('guide.orgs.error.tooLong', { max: 300 }) })
  @Transform(oneLine)
  @IsString({ message: () => t('guide.orgs.error.text') })
  accessibility = '';
}

/** The fields in the form's and the CSV file's order. */
export const ORGANISATION_FIELDS = [
  'name',
  'kind',
  'offer',
  'audience',
  'address',
  'postcode',
  'town',
  'phone',
  'email',
  'website',
  'openingHours',
  'cost',
  'accessibility',
] as const;

export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
export type OrganisationInput = Record<OrganisationField, string>;
