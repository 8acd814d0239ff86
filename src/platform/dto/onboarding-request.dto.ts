import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { trim } from '../../web/forms/transforms';

/** Trims and folds line breaks and runs of spaces: these values end up in one line (mail subjects). */
const oneLine = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value;

/** The public form "Start een Mantelzorghub in jouw gemeente". */
export class OnboardingRequestDto {
  @Transform(oneLine)
  @IsNotEmpty({ message: 'Vul de naam van je stad of gemeente in.' })
  @IsString({ message: 'Vul de naam van je stad of gemeente in.' })
  @MaxLength(120, {
    message: 'De naam van je stad of gemeente mag hoogstens 120 tekens lang zijn.',
  })
  municipalityName: string;

  @Transform(oneLine)
  @IsNotEmpty({ message: 'Vul je naam in.' })
  @IsString({ message: 'Vul je naam in.' })
  @MaxLength(120, { message: 'Je naam mag hoogstens 120 tekens lang zijn.' })
  contactName: string;

  @Transform(oneLine)
  @IsNotEmpty({ message: 'Vul je functie in, bijvoorbeeld "beleidsmedewerker welzijn".' })
  @IsString({ message: 'Vul je functie in.' })
  @MaxLength(120, { message: 'Je functie mag hoogstens 120 tekens lang zijn.' })
  contactRole: string;

  @Transform(oneLine)
  @IsNotEmpty({ message: 'Vul je e-mailadres in.' })
  @IsString({ message: 'Vul je e-mailadres in.' })
  @MaxLength(254, { message: 'Je e-mailadres is te lang.' })
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in, zoals naam@gemeente.be.' })
  email: string;

  @IsOptional()
  @Transform(oneLine)
  @IsString({ message: 'Vul een geldig telefoonnummer in.' })
  @Matches(/^$|^[0-9+()./ -]{6,40}$/, {
    message: 'Vul een geldig telefoonnummer in, zoals 057 34 66 00, of laat het veld leeg.',
  })
  phone?: string;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'Je bericht is niet geldig.' })
  @MaxLength(4000, { message: 'Je bericht mag hoogstens 4000 tekens lang zijn.' })
  message?: string;
}
