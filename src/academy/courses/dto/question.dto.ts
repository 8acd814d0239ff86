import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { QUESTION_KINDS } from '../../common/entities/course-question.entity';
import { text, trim } from '../../../web/forms/transforms';

/** A question the enrolment form asks (/beheer/academie/<slug>/vragen). */
export class QuestionDto {
  @IsIn(QUESTION_KINDS, { message: 'Kies wat voor vraag het is.' })
  kind: string;

  @IsString({ message: 'Vul de vraag in.' })
  @Transform(trim)
  @MaxLength(200, { message: 'De vraag mag hoogstens 200 tekens lang zijn.' })
  @MinLength(3, { message: 'Vul de vraag in (minstens 3 tekens).' })
  label: string;

  @IsString({ message: 'Vul de keuzes in, één per regel, of laat het veld leeg.' })
  @Transform(text)
  @MaxLength(2000, { message: 'De keuzes mogen samen hoogstens 2000 tekens lang zijn.' })
  choices: string;

  @IsOptional()
  @IsIn(['1'])
  required?: string;
}
