import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { text, trim } from '../../web/forms/transforms';

/** The welcome text on the home page and the contact of the social services (/beheer/welkom). */
export class WelcomeDto {
  @Transform(text)
  @MaxLength(5000, {
    message: 'De welkomsttekst mag hoogstens 5000 tekens lang zijn. Maak hem korter.',
  })
  @IsString({ message: 'Vul de welkomsttekst in.' })
  welcomeText: string;

  @Transform(trim)
  @ValidateIf((o: WelcomeDto) => o.contactEmail !== '')
  @MaxLength(254, { message: 'Het e-mailadres is te lang.' })
  @IsEmail(
    {},
    {
      message:
        'Vul een geldig e-mailadres in, zoals sociaalhuis@gemeente.be, of laat het veld leeg.',
    },
  )
  @IsString({ message: 'Vul een geldig e-mailadres in of laat het veld leeg.' })
  contactEmail: string;

  @Transform(trim)
  @Matches(/^$|^[0-9+()./ -]{6,40}$/, {
    message: 'Vul een geldig telefoonnummer in, zoals 057 34 66 00, of laat het veld leeg.',
  })
  @IsString({ message: 'Vul een geldig telefoonnummer in of laat het veld leeg.' })
  contactPhone: string;

  @Transform(trim)
  @MaxLength(300, { message: 'Het adres mag hoogstens 300 tekens lang zijn.' })
  @IsString({ message: 'Vul het adres in of laat het veld leeg.' })
  contactAddress: string;
}
