import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const text = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value;
const int = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

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

  @IsString({ message: 'Vul het beginuur in zoals 14:00.' })
  @Transform(trim)
  @Matches(TIME, { message: 'Vul het beginuur in zoals 14:00.' })
  startTime: string;

  @IsString({ message: 'Vul het einduur in zoals 16:00.' })
  @Transform(trim)
  @Matches(TIME, { message: 'Vul het einduur in zoals 16:00.' })
  endTime: string;

  @IsInt({ message: 'Vul het aantal plaatsen in als getal, bijvoorbeeld 20.' })
  @Transform(int)
  @Max(500, { message: 'Het aantal plaatsen mag hoogstens 500 zijn.' })
  @Min(1, { message: 'Het aantal plaatsen moet minstens 1 zijn.' })
  capacity: number;
}
