import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { trim } from '../../../web/forms/transforms';

/** The feedback form after a course: how useful (1–5), what could be better, free text. */
export class FeedbackDto {
  @Transform(trim)
  @IsIn(['1', '2', '3', '4', '5'], { message: 'Kies hoe nuttig de opleiding was, van 1 tot 5.' })
  usefulness: string;

  @IsOptional()
  @IsString({ message: 'Schrijf wat beter kan als tekst.' })
  @MaxLength(2000, { message: 'Wat beter kan mag hoogstens 2000 tekens lang zijn.' })
  better?: string;

  @IsOptional()
  @IsString({ message: 'Schrijf je opmerking als tekst.' })
  @MaxLength(4000, { message: 'Je opmerking mag hoogstens 4000 tekens lang zijn.' })
  comment?: string;
}
