import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/dates';
import { CapacityField } from '../../common/dto/fields';
import { TimeField } from '../../../web/forms/time-field';
import { text, trim } from '../../../web/forms/transforms';
import { WEEKDAYS, WEEKS } from '../../../events/schedule';

export const SCHEDULES = ['monthly', 'weekly', 'none'] as const;
/** Reminder choices, in minutes before the meeting. */
export const REMINDER_CHOICES = [20160, 10080, 4320, 1440] as const;
const CHECKED = ['1'];

/** A café's details and planning (/beheer/cafes/nieuw and /beheer/cafes/<slug>). */
export class CafeDto {
  @IsString({ message: 'Vul de naam van het café in.' })
  @Transform(trim)
  @MaxLength(120, { message: 'De naam mag hoogstens 120 tekens lang zijn.' })
  @MinLength(3, { message: 'Vul de naam van het café in (minstens 3 tekens).' })
  name: string;

  @IsString({ message: 'Vul het adres van de pagina in of laat het veld leeg.' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @Matches(/^$|^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,59}$/, {
    message:
      'Gebruik voor het adres van de pagina 2 tot 60 kleine letters, cijfers of koppeltekens, of laat het veld leeg.',
  })
  slug: string;

  @IsString({ message: 'Vul de beschrijving in of laat het veld leeg.' })
  @Transform(text)
  @MaxLength(5000, { message: 'De beschrijving mag hoogstens 5000 tekens lang zijn.' })
  description: string;

  @IsString({ message: 'Vul de naam van de plaats in.' })
  @Transform(trim)
  @MaxLength(120, { message: 'De naam van de plaats mag hoogstens 120 tekens lang zijn.' })
  @MinLength(2, { message: 'Vul de naam van de plaats in, bijvoorbeeld het dienstencentrum.' })
  venueName: string;

  @IsString({ message: 'Vul het adres van de plaats in.' })
  @Transform(trim)
  @MaxLength(300, { message: 'Het adres mag hoogstens 300 tekens lang zijn.' })
  @MinLength(5, { message: 'Vul het adres van de plaats in: straat, nummer en gemeente.' })
  venueAddress: string;

  @IsString({ message: 'Vul in hoe je er komt, of laat het veld leeg.' })
  @Transform(text)
  @MaxLength(2000, { message: 'De uitleg over de weg mag hoogstens 2000 tekens lang zijn.' })
  venueDirections: string;

  @IsOptional()
  @IsIn(CHECKED)
  stepFree?: string;

  @IsOptional()
  @IsIn(CHECKED)
  accessibleToilet?: string;

  @IsOptional()
  @IsIn(CHECKED)
  parking?: string;

  @IsString({ message: 'Vul de naam van de contactpersoon in of laat het veld leeg.' })
  @Transform(trim)
  @MaxLength(80, { message: 'De naam van de contactpersoon mag hoogstens 80 tekens lang zijn.' })
  contactName: string;

  @IsString({ message: 'Vul een geldig telefoonnummer in of laat het veld leeg.' })
  @Transform(trim)
  @Matches(/^$|^[0-9+()./ -]{6,40}$/, {
    message: 'Vul een geldig telefoonnummer in, zoals 057 34 66 00, of laat het veld leeg.',
  })
  contactPhone: string;

  @IsString({ message: 'Vul een geldig e-mailadres in of laat het veld leeg.' })
  @Transform(trim)
  @ValidateIf((o: CafeDto) => o.contactEmail !== '')
  @MaxLength(254, { message: 'Het e-mailadres is te lang.' })
  @IsEmail(
    {},
    { message: 'Vul een geldig e-mailadres in, zoals cafe@gemeente.be, of laat het veld leeg.' },
  )
  contactEmail: string;

  @IsIn(SCHEDULES, { message: 'Kies hoe vaak het café samenkomt.' })
  schedule: string;

  @IsIn(WEEKS, { message: 'Kies welke week van de maand.' })
  week: string;

  @IsIn(WEEKDAYS, { message: 'Kies op welke dag het café samenkomt.' })
  weekday: string;

  @IsString({ message: 'Vul de begindatum in of laat het veld leeg.' })
  @Transform(trim)
  @IsCalendarDate({
    optional: true,
    message: 'Vul een bestaande begindatum in zoals 2027-01-05, of laat het veld leeg.',
  })
  startsOn: string;

  @TimeField('beginuur', '14:00')
  startTime: string;

  @TimeField('einduur', '16:00')
  endTime: string;

  @CapacityField()
  defaultCapacity: number;

  @IsOptional()
  @IsIn(CHECKED)
  remind20160?: string;

  @IsOptional()
  @IsIn(CHECKED)
  remind10080?: string;

  @IsOptional()
  @IsIn(CHECKED)
  remind4320?: string;

  @IsOptional()
  @IsIn(CHECKED)
  remind1440?: string;
}
