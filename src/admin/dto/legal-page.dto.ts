import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { text } from '../../web/forms/transforms';

/** The municipality's own text of a legal page (/beheer/privacy, /beheer/toegankelijkheid). */
export class LegalPageDto {
  @Transform(text)
  @IsNotEmpty({
    message:
      'Vul de tekst van de verklaring in. Wil je de standaardtekst, kies dan "Terug naar de standaardtekst".',
  })
  @MaxLength(50000, {
    message: 'De tekst van de verklaring mag hoogstens 50.000 tekens lang zijn.',
  })
  @IsString({ message: 'Vul de tekst van de verklaring in.' })
  body: string;
}
