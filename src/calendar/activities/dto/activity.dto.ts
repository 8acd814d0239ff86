import { Transform } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/dates';
import { CALENDAR_CATEGORIES } from '../../../web/calendar/calendar-source';
import { TimeField } from '../../../web/forms/time-field';
import { text, trim } from '../../../web/forms/transforms';
import { REGISTRATION_KINDS } from '../../common/entities/activity.entity';

/** How often: one date, every week, every other week, or monthly on the date's weekday. */
export const SCHEDULES = ['once', 'weekly', 'biweekly', 'monthly'] as const;
/** The statuses an admin chooses in the form (review has its own buttons). */
export const ADMIN_STATUSES = ['draft', 'published', 'archived'] as const;
// A box that is not ticked is not sent; an empty value counts as not ticked too.
const CHECKED = ['1', ''];
const WEB_ADDRESS = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/**
 * An activity's fields: /beheer/activiteiten (admins) and /kalender/voorstellen (professionals).
 * What depends on another field (the place or the link, the registration's detail, the dates
 * together) is checked in activity-form.ts.
 */
export class ActivityDto {
  @IsString({ message: 'Vul de titel in.' })
  @Transform(trim)
  @MaxLength(160, { message: 'De titel mag hoogstens 160 tekens lang zijn.' })
  @MinLength(3, { message: 'Vul de titel in (minstens 3 tekens).' })
  title: string;

  @IsString({ message: 'Vul het adres van de pagina in of laat het veld leeg.' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @Matches(/^$|^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,69}$/, {
    message:
      'Gebruik voor het adres van de pagina 2 tot 70 kleine letters, cijfers of koppeltekens, of laat het veld leeg.',
  })
  slug: string;

  @IsString({ message: 'Vertel kort wat de activiteit is.' })
  @Transform(text)
  @MaxLength(4000, { message: 'De beschrijving mag hoogstens 4000 tekens lang zijn.' })
  @MinLength(10, { message: 'Vertel in een paar zinnen wat de activiteit is.' })
  description: string;

  @IsIn(CALENDAR_CATEGORIES.map((c) => c.key), { message: 'Kies wat voor activiteit het is.' })
  category: string;

  @IsOptional()
  @IsIn(CHECKED)
  audienceCaregiver?: string;

  @IsOptional()
  @IsIn(CHECKED)
  audienceProfessional?: string;

  @IsOptional()
  @IsIn(CHECKED)
  audienceStaff?: string;

  @IsIn(['venue', 'online'], { message: 'Kies of de activiteit ergens plaatsvindt of online.' })
  where: string;

  @IsString({ message: 'Vul de naam van de plaats in.' })
  @Transform(trim)
  @MaxLength(120, { message: 'De naam van de plaats mag hoogstens 120 tekens lang zijn.' })
  venueName: string;

  @IsString({ message: 'Vul het adres van de plaats in.' })
  @Transform(trim)
  @MaxLength(300, { message: 'Het adres mag hoogstens 300 tekens lang zijn.' })
  venueAddress: string;

  @IsString({ message: 'Vul de link naar de online activiteit in.' })
  @Transform(trim)
  @ValidateIf((o: ActivityDto) => typeof o.onlineUrl !== 'string' || o.onlineUrl !== '')
  @Matches(WEB_ADDRESS, {
    message: 'Vul een volledige link in, die begint met https://, of laat het veld leeg.',
  })
  @MaxLength(500, { message: 'De link mag hoogstens 500 tekens lang zijn.' })
  onlineUrl: string;

  @IsOptional()
  @IsIn(CHECKED)
  stepFree?: string;

  @IsOptional()
  @IsIn(CHECKED)
  accessibleToilet?: string;

  @IsOptional()
  @IsIn(CHECKED)
  parking?: string;

  /** An organisation of the directory, or '' (then the typed organiser). */
  @IsString({ message: 'Kies een organisatie uit de lijst, of vul de organisator in.' })
  @Matches(/^$|^[0-9a-f-]{36}$/i, {
    message: 'Kies een organisatie uit de lijst, of vul de organisator in.',
  })
  organisationId: string;

  @IsString({ message: 'Vul de naam van de organisator in.' })
  @Transform(trim)
  @MaxLength(150, { message: 'De naam van de organisator mag hoogstens 150 tekens lang zijn.' })
  organiserName: string;

  @IsString({ message: 'Vul een telefoonnummer of e-mailadres in of laat het veld leeg.' })
  @Transform(trim)
  @MaxLength(200, { message: 'Het contact mag hoogstens 200 tekens lang zijn.' })
  organiserContact: string;

  @IsString({ message: 'Vul de website van de organisator in of laat het veld leeg.' })
  @Transform(trim)
  @ValidateIf(
    (o: ActivityDto) => typeof o.organiserWebsite !== 'string' || o.organiserWebsite !== '',
  )
  @Matches(WEB_ADDRESS, {
    message: 'Vul een volledig webadres in, dat begint met https://, of laat het veld leeg.',
  })
  @MaxLength(500, { message: 'Het webadres mag hoogstens 500 tekens lang zijn.' })
  organiserWebsite: string;

  /** In euro: "5", "2,50"; empty or 0 is free. */
  @IsString({ message: 'Vul de prijs in euro in, zoals 5 of 2,50, of laat het veld leeg.' })
  @Transform(trim)
  @Matches(/^$|^\d{1,4}([.,]\d{1,2})?$/, {
    message: 'Vul de prijs in euro in, zoals 5 of 2,50, of laat het veld leeg als het gratis is.',
  })
  cost: string;

  @IsIn(REGISTRATION_KINDS, { message: 'Kies hoe mensen zich inschrijven.' })
  registration: string;

  @IsString({ message: 'Vul in waar mensen zich inschrijven.' })
  @Transform(trim)
  @MaxLength(500, { message: 'Dit veld mag hoogstens 500 tekens lang zijn.' })
  registrationDetail: string;

  @IsIn(SCHEDULES, { message: 'Kies hoe vaak de activiteit plaatsvindt.' })
  schedule: string;

  @IsString({ message: 'Vul de datum in.' })
  @Transform(trim)
  @IsCalendarDate({ message: 'Vul een bestaande datum in, zoals 2027-03-14.' })
  startsOn: string;

  @IsString({ message: 'Vul de laatste datum in of laat het veld leeg.' })
  @Transform(trim)
  @IsCalendarDate({
    optional: true,
    message: 'Vul een bestaande laatste datum in, zoals 2027-06-30, of laat het veld leeg.',
  })
  endsOn: string;

  /** The whole day: the hours are not needed (and not checked). */
  @IsOptional()
  @IsIn(CHECKED)
  allDay?: string;

  @ValidateIf((o: ActivityDto) => o.allDay !== '1')
  @TimeField('beginuur', '14:00')
  startTime: string;

  @ValidateIf((o: ActivityDto) => o.allDay !== '1')
  @TimeField('einduur', '16:00')
  endTime: string;

  /** Only on the admins' form (a professional's proposal is always `submitted`). */
  @IsOptional()
  @IsIn(ADMIN_STATUSES, { message: 'Kies of de activiteit getoond wordt.' })
  status?: string;
}

/** An admin returns a proposal: what the professional should change. */
export class ReturnDto {
  @IsString({ message: 'Schrijf wat de organisator moet aanpassen.' })
  @Transform(text)
  @MaxLength(2000, { message: 'De opmerking mag hoogstens 2000 tekens lang zijn.' })
  @MinLength(5, { message: 'Schrijf wat de organisator moet aanpassen.' })
  comment: string;
}

/** Whether a registration detail is an e-mail address (for the "e-mail" choice). */
export function looksLikeEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
