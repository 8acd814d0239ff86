import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  ValidationArguments,
} from 'class-validator';
import { RESERVED_SLUGS, slugProblem } from '../../tenancy/slug';

/** The Flemish provinces (the platform serves Flemish municipalities). */
export const FLEMISH_PROVINCES = [
  'Antwerpen',
  'Limburg',
  'Oost-Vlaanderen',
  'Vlaams-Brabant',
  'West-Vlaanderen',
] as const;

/** Trims and folds line breaks and runs of spaces: these values end up in one line (mail subjects). */
const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value;
const trimLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** The web address message, naming the field: wraps slugProblem (format or reserved). */
export function slugMessage(slug: string): string | null {
  const problem = slugProblem(slug);
  if (!problem) return null;
  if (!slug) return 'Vul het webadres in, bijvoorbeeld "poperinge".';
  if (RESERVED_SLUGS.has(slug)) return `Het webadres ${problem}`;
  return `Het webadres "${slug}" kan niet. ${problem}`;
}

@ValidatorConstraint({ name: 'slug' })
class SlugConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && slugProblem(value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return slugMessage(typeof args.value === 'string' ? args.value : '') ?? '';
  }
}

/** "Nieuwe gemeente": creates the tenant and invites its first municipal admin. */
export class CreateTenantDto {
  @Transform(trimLower)
  @IsString({ message: 'Vul het webadres in, bijvoorbeeld "poperinge".' })
  @Validate(SlugConstraint)
  slug: string;

  @Transform(trim)
  @IsNotEmpty({ message: 'Vul de naam van de gemeente in.' })
  @IsString({ message: 'Vul de naam van de gemeente in.' })
  @MaxLength(120, { message: 'De naam van de gemeente mag hoogstens 120 tekens lang zijn.' })
  name: string;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'De NIS-code bestaat uit 5 cijfers.' })
  @Matches(/^(\d{5})?$/, {
    message:
      'De NIS-code bestaat uit 5 cijfers, zoals 33021. Laat het veld leeg als je hem niet kent.',
  })
  nisCode?: string;

  @Transform(trim)
  @IsNotEmpty({ message: 'Kies de provincie.' })
  @IsString({ message: 'Kies de provincie.' })
  @IsIn(FLEMISH_PROVINCES, { message: 'Kies de provincie uit de lijst.' })
  province: string;

  @Transform(trim)
  @IsNotEmpty({ message: 'Vul het e-mailadres van de sociale dienst in.' })
  @IsString({ message: 'Vul het e-mailadres van de sociale dienst in.' })
  @MaxLength(254, { message: 'Het e-mailadres van de sociale dienst is te lang.' })
  @IsEmail(
    {},
    {
      message:
        'Vul een geldig e-mailadres van de sociale dienst in, zoals sociaalhuis@gemeente.be.',
    },
  )
  contactEmail: string;

  @Transform(trim)
  @IsNotEmpty({ message: 'Vul het e-mailadres van de eerste beheerder in.' })
  @IsString({ message: 'Vul het e-mailadres van de eerste beheerder in.' })
  @MaxLength(254, { message: 'Het e-mailadres van de eerste beheerder is te lang.' })
  @IsEmail(
    {},
    { message: 'Vul een geldig e-mailadres van de eerste beheerder in, zoals naam@gemeente.be.' },
  )
  adminEmail: string;

  /** The onboarding request this municipality answers, when it came from one. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsUUID('all', { message: 'Deze aanvraag bestaat niet (meer).' })
  requestId?: string;
}
