import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trim } from '../../web/forms/transforms';

/** "Beheerder uitnodigen" in the console: another (or a new first) admin for a municipality. */
export class InviteAdminDto {
  @Transform(trim)
  @IsNotEmpty({ message: 'Vul het e-mailadres van de beheerder in.' })
  @IsString({ message: 'Vul het e-mailadres van de beheerder in.' })
  @MaxLength(254, { message: 'Het e-mailadres van de beheerder is te lang.' })
  @IsEmail(
    {},
    { message: 'Vul een geldig e-mailadres van de beheerder in, zoals naam@gemeente.be.' },
  )
  email: string;
}
