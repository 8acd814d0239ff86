import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ExistsOnDate, IsCalendarDate } from '../../../common/dates';
import { CapacityField } from '../../common/dto/fields';
import { TimeField } from '../../../web/forms/time-field';
import { text, trim } from '../../../web/forms/transforms';

const NOT_ON_THE_CLOCK =
  'Dat uur bestaat niet op die dag: de klok springt dan van 2 naar 3 uur. Kies een ander uur.';

/** One meeting, as a host edits or adds it. */
export class MeetingDto {
  @IsString({ message: 'Vul het thema in of laat het veld leeg.' })
  @Transform(trim)
  @MaxLength(200, { message: 'Het thema mag hoogstens 200 tekens lang zijn.' })
  theme: string;

  @IsString({ message: 'Vul de naam van de spreker in of laat het veld leeg.' })
  @Transform(trim)
  @MaxLength(120, { message: 'De naam van de spreker mag hoogstens 120 tekens lang zijn.' })
  speaker: string;

  @IsString({ message: 'Vul in wat de spreker doet, of laat het veld leeg.' })
  @Transform(trim)
  @MaxLength(200, { message: 'Wat de spreker doet, mag hoogstens 200 tekens lang zijn.' })
  speakerExpertise: string;

  @IsString({ message: 'Vul de uitleg in of laat het veld leeg.' })
  @Transform(text)
  @MaxLength(5000, { message: 'De uitleg mag hoogstens 5000 tekens lang zijn.' })
  description: string;

  // The topmost failing check's message is shown: a wrong format before "does not exist".
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul de datum in zoals 2026-12-01.' })
  @IsCalendarDate({ message: 'Vul een bestaande datum in zoals 2026-12-01.' })
  @Transform(trim)
  @IsString({ message: 'Vul de datum in zoals 2026-12-01.' })
  date: string;

  @ExistsOnDate('date', { message: NOT_ON_THE_CLOCK })
  @TimeField('beginuur', '14:00')
  startTime: string;

  @ExistsOnDate('date', { message: NOT_ON_THE_CLOCK })
  @TimeField('einduur', '16:00')
  endTime: string;

  @CapacityField()
  capacity: number;
}
