import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The municipality's own text of a legal page (/beheer/privacy, /beheer/toegankelijkheid). */
export class LegalPageDto {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value,
  )
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
