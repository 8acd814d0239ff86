import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength } from 'class-validator';
import { CapacityField, text, TimeField, trim } from './fields';

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

  @IsString({ message: 'Vul de datum in zoals 2026-12-01.' })
  @Transform(trim)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul de datum in zoals 2026-12-01.' })
  date: string;

  @TimeField('beginuur', '14:00')
  startTime: string;

  @TimeField('einduur', '16:00')
  endTime: string;

  @CapacityField()
  capacity: number;
}
