import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { COURSE_KINDS } from '../../common/entities/academy-template.entity';
import { int, text, trim } from '../../../web/forms/transforms';
import { EURO_AMOUNT } from '../../../common/money';

const CHECKED = ['1', ''];
/** Reminder choices, in minutes before each session: 1, 2 and 7 days. */
export const COURSE_REMINDER_CHOICES = [1440, 2880, 10080] as const;
/** Session rows the form can carry (existing ones plus empty ones to fill in). */
export const MAX_SESSION_ROWS = 20;
/** The fields of one session row: `s<n>Id`, `s<n>Date`, `s<n>Start`, `s<n>End`, `s<n>Title`. */
export const SESSION_ROW_FIELDS = ['Id', 'Date', 'Start', 'End', 'Title'] as const;

/** A course's details and sessions (/beheer/academie/nieuw and /beheer/academie/<slug>). */
export class CourseDto {
  @IsString({ message: 'Vul de titel van de opleiding in.' })
  @Transform(trim)
  @MaxLength(160, { message: 'De titel mag hoogstens 160 tekens lang zijn.' })
  @MinLength(3, { message: 'Vul de titel van de opleiding in (minstens 3 tekens).' })
  title: string;

  @IsString({ message: 'Vul het adres van de pagina in of laat het veld leeg.' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @Matches(/^$|^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,79}$/, {
    message:
      'Gebruik voor het adres van de pagina 2 tot 80 kleine letters, cijfers of koppeltekens, of laat het veld leeg.',
  })
  slug: string;

  @IsIn(COURSE_KINDS, { message: 'Kies wat voor opleiding het is.' })
  kind: string;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink aan of laat leeg.' })
  audCaregiver?: string;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink aan of laat leeg.' })
  audProfessional?: string;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink aan of laat leeg.' })
  audStaff?: string;

  @IsString({ message: 'Vul de korte uitleg in of laat het veld leeg.' })
  @Transform(text)
  @MaxLength(5000, { message: 'De korte uitleg mag hoogstens 5000 tekens lang zijn.' })
  summary: string;

  @IsString({ message: 'Vul de leerdoelen in of laat het veld leeg.' })
  @Transform(text)
  @MaxLength(5000, { message: 'De leerdoelen mogen hoogstens 5000 tekens lang zijn.' })
  learningGoals: string;

  @IsString({ message: 'Vul de naam van de lesgever in of laat het veld leeg.' })
  @Transform(trim)
  @MaxLength(120, { message: 'De naam van de lesgever mag hoogstens 120 tekens lang zijn.' })
  trainerName: string;

  @IsString({ message: 'Vul de organisatie van de lesgever in of laat het veld leeg.' })
  @Transform(trim)
  @MaxLength(160, { message: 'De organisatie mag hoogstens 160 tekens lang zijn.' })
  trainerOrganisation: string;

  @IsString({ message: 'Kies een lid uit de lijst, of "geen".' })
  @Matches(/^$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'Kies een lid uit de lijst, of "geen".',
  })
  trainerMembershipId: string;

  @IsString({ message: 'Vul de naam van de plaats in of laat het veld leeg.' })
  @Transform(trim)
  @MaxLength(120, { message: 'De naam van de plaats mag hoogstens 120 tekens lang zijn.' })
  venueName: string;

  @IsString({ message: 'Vul het adres van de plaats in of laat het veld leeg.' })
  @Transform(trim)
  @MaxLength(300, { message: 'Het adres mag hoogstens 300 tekens lang zijn.' })
  venueAddress: string;

  @IsString({ message: 'Vul in hoe je er komt, of laat het veld leeg.' })
  @Transform(text)
  @MaxLength(2000, { message: 'De uitleg over de weg mag hoogstens 2000 tekens lang zijn.' })
  venueDirections: string;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink aan of laat leeg.' })
  stepFree?: string;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink aan of laat leeg.' })
  accessibleToilet?: string;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink aan of laat leeg.' })
  parking?: string;

  @IsString({ message: 'Vul de link voor online deelnemen in of laat het veld leeg.' })
  @Transform(trim)
  @MaxLength(500, { message: 'De link mag hoogstens 500 tekens lang zijn.' })
  @Matches(/^$|^https:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i, {
    message: 'Vul een link in die begint met https://, of laat het veld leeg.',
  })
  onlineUrl: string;

  @IsString({ message: 'Vul de prijs in euro in, zoals 0 of 12,50.' })
  @Transform(trim)
  @Matches(EURO_AMOUNT, {
    message: 'Vul de prijs in euro in, zoals 0 of 12,50.',
  })
  price: string;

  // Stacked decorators apply bottom up; the last failing message is shown ("not a number" first).
  @Min(1, { message: 'Het aantal plaatsen moet minstens 1 zijn.' })
  @Max(500, { message: 'Het aantal plaatsen mag hoogstens 500 zijn.' })
  @Transform(int)
  @IsInt({ message: 'Vul het aantal plaatsen in als getal, bijvoorbeeld 12.' })
  capacity: number;

  @IsString({ message: 'Vul de datum in zoals 2027-01-05, of laat het veld leeg.' })
  @Transform(trim)
  deadlineDate: string;

  @IsString({ message: 'Vul het uur in zoals 12:00, of laat het veld leeg.' })
  @Transform(trim)
  deadlineTime: string;

  @Min(1, { message: 'Het deel van de sessies moet minstens 1 procent zijn.' })
  @Max(100, { message: 'Het deel van de sessies mag hoogstens 100 procent zijn.' })
  @Transform(int)
  @IsInt({ message: 'Vul een getal in van 1 tot 100, bijvoorbeeld 100.' })
  requiredAttendancePercent: number;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink aan of laat leeg.' })
  remind1440?: string;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink aan of laat leeg.' })
  remind2880?: string;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink aan of laat leeg.' })
  remind10080?: string;

  /** The template the new course is started from (a hidden field on the new form). */
  @IsOptional()
  @IsString()
  @MaxLength(80)
  template?: string;

  /** How many session rows the form showed (a hidden field). */
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,2}$/)
  rows?: string;

  [row: `s${number}${(typeof SESSION_ROW_FIELDS)[number]}`]: string | undefined;
}

// The session rows: optional text fields, checked together in course-form.ts.
for (let n = 1; n <= MAX_SESSION_ROWS; n++) {
  for (const field of SESSION_ROW_FIELDS) {
    const key = `s${n}${field}`;
    const target = CourseDto.prototype;
    MaxLength(field === 'Title' ? 160 : 40, {
      message:
        field === 'Title'
          ? 'De titel van een sessie mag hoogstens 160 tekens lang zijn.'
          : 'Deze waarde is te lang.',
    })(target, key);
    Transform(trim)(target, key);
    IsString({ message: 'Vul dit veld in of laat het leeg.' })(target, key);
    IsOptional()(target, key);
  }
}
