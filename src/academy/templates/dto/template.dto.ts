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

const CHECKED = ['1'];

/**
 * A template's own fields (/_platform/beheer/academie/nieuw and /<slug>); the programme's rows
 * (`session<N>Title`, `session<N>Programme`, `session<N>Minutes`) are read by template-form.ts.
 */
export class TemplateDto {
  @IsString({ message: 'Vul de titel van het sjabloon in.' })
  @Transform(trim)
  @MaxLength(160, { message: 'De titel mag hoogstens 160 tekens lang zijn.' })
  @MinLength(3, { message: 'Vul de titel van het sjabloon in (minstens 3 tekens).' })
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

  @IsIn(COURSE_KINDS, { message: 'Kies de soort: workshop, traject of infosessie.' })
  kind: string;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink de doelgroep aan of laat het vakje leeg.' })
  audienceCaregiver?: string;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink de doelgroep aan of laat het vakje leeg.' })
  audienceProfessional?: string;

  @IsOptional()
  @IsIn(CHECKED, { message: 'Vink de doelgroep aan of laat het vakje leeg.' })
  audienceStaff?: string;

  @IsString({ message: 'Vul de korte beschrijving in.' })
  @Transform(text)
  @MaxLength(2000, { message: 'De korte beschrijving mag hoogstens 2000 tekens lang zijn.' })
  @MinLength(10, { message: 'Vul de korte beschrijving in (minstens 10 tekens).' })
  summary: string;

  @IsString({ message: 'Vul de leerdoelen in of laat het veld leeg.' })
  @Transform(text)
  @MaxLength(5000, { message: 'De leerdoelen mogen hoogstens 5000 tekens lang zijn.' })
  learningGoals: string;

  @IsString({ message: 'Beschrijf de gezochte lesgever of laat het veld leeg.' })
  @Transform(text)
  @MaxLength(2000, { message: 'Het profiel van de lesgever mag hoogstens 2000 tekens lang zijn.' })
  trainerProfile: string;

  @Min(1, { message: 'Het voorgestelde aantal plaatsen moet minstens 1 zijn.' })
  @Max(500, { message: 'Het voorgestelde aantal plaatsen mag hoogstens 500 zijn.' })
  @Transform(int)
  @IsInt({ message: 'Vul het voorgestelde aantal plaatsen in als getal, bijvoorbeeld 15.' })
  suggestedCapacity: number;
}

/** A material's title (the file comes as multipart `file`). */
export class MaterialDto {
  @IsString({ message: 'Vul de titel van het materiaal in.' })
  @Transform(trim)
  @MaxLength(160, { message: 'De titel van het materiaal mag hoogstens 160 tekens lang zijn.' })
  @MinLength(3, { message: 'Vul de titel van het materiaal in (minstens 3 tekens).' })
  materialTitle: string;
}
