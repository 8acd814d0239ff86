import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const hasValue = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Messages name the field, in plain Dutch (they appear in the error summary and above the field). */
export const MESSAGES = {
  emailEmpty: 'Vul je e-mailadres in',
  emailInvalid: 'Vul een e-mailadres in zoals naam@voorbeeld.be',
  emailLong: 'Het e-mailadres mag hoogstens 254 tekens hebben',
  nameEmpty: 'Vul je naam in',
  nameLong: 'Je naam mag hoogstens 80 tekens hebben',
  passwordEmpty: 'Vul je wachtwoord in',
  passwordShort: `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens hebben`,
  passwordLong: `Het wachtwoord mag hoogstens ${MAX_PASSWORD_LENGTH} tekens hebben`,
  newPasswordEmpty: 'Kies een nieuw wachtwoord',
  consent: 'Duid aan dat je akkoord gaat met de voorwaarden en de privacyverklaring',
  phone: 'Vul een telefoonnummer in met alleen cijfers, spaties, +, / of -, zoals 0470 12 34 56',
} as const;

class EmailField {
  @Transform(trim)
  @IsNotEmpty({ message: MESSAGES.emailEmpty })
  @IsEmail({}, { message: MESSAGES.emailInvalid })
  @MaxLength(254, { message: MESSAGES.emailLong })
  @IsString({ message: MESSAGES.emailInvalid })
  email!: string;
}

export class LoginDto extends EmailField {
  @IsNotEmpty({ message: MESSAGES.passwordEmpty })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong })
  @IsString({ message: MESSAGES.passwordEmpty })
  password!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  terug?: string;
}

export class EmailDto extends EmailField {}

export class RegisterDto {
  @Transform(trim)
  @IsNotEmpty({ message: MESSAGES.nameEmpty })
  @MaxLength(80, { message: MESSAGES.nameLong })
  @IsString({ message: MESSAGES.nameEmpty })
  displayName!: string;

  @Transform(trim)
  @IsNotEmpty({ message: MESSAGES.emailEmpty })
  @IsEmail({}, { message: MESSAGES.emailInvalid })
  @MaxLength(254, { message: MESSAGES.emailLong })
  @IsString({ message: MESSAGES.emailInvalid })
  email!: string;

  /** Optional: without one, the person logs in with an e-mailed link. */
  @ValidateIf((o: RegisterDto) => hasValue(o.password))
  @MinLength(MIN_PASSWORD_LENGTH, { message: MESSAGES.passwordShort })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong })
  @IsString({ message: MESSAGES.passwordShort })
  password?: string;

  @IsIn(['ja'], { message: MESSAGES.consent })
  consent!: string;
}

/** Optional password on the confirmation page (when it is opened in another browser). */
export class ConfirmDto {
  @ValidateIf((o: ConfirmDto) => hasValue(o.password))
  @MinLength(MIN_PASSWORD_LENGTH, { message: MESSAGES.passwordShort })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong })
  @IsString({ message: MESSAGES.passwordShort })
  password?: string;
}

export class NewPasswordDto {
  @IsNotEmpty({ message: MESSAGES.newPasswordEmpty })
  @MinLength(MIN_PASSWORD_LENGTH, { message: MESSAGES.passwordShort })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong })
  @IsString({ message: MESSAGES.newPasswordEmpty })
  password!: string;
}

export class ChangePasswordDto {
  /** Empty for an account that has no password yet (it always logged in by link). */
  @IsOptional()
  @MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong })
  @IsString()
  currentPassword?: string;

  @IsNotEmpty({ message: MESSAGES.newPasswordEmpty })
  @MinLength(MIN_PASSWORD_LENGTH, { message: MESSAGES.passwordShort })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong })
  @IsString({ message: MESSAGES.newPasswordEmpty })
  newPassword!: string;
}

export class JoinDto {
  @Transform(trim)
  @IsNotEmpty({ message: MESSAGES.nameEmpty })
  @MaxLength(80, { message: MESSAGES.nameLong })
  @IsString({ message: MESSAGES.nameEmpty })
  displayName!: string;

  @IsIn(['ja'], { message: MESSAGES.consent })
  consent!: string;
}

export class ProfileDto {
  @Transform(trim)
  @IsNotEmpty({ message: MESSAGES.nameEmpty })
  @MaxLength(80, { message: MESSAGES.nameLong })
  @IsString({ message: MESSAGES.nameEmpty })
  displayName!: string;

  @Transform(trim)
  @ValidateIf((o: ProfileDto) => hasValue(o.phone))
  @Matches(/^\+?[0-9][0-9 ./-]{5,30}$/, { message: MESSAGES.phone })
  @MaxLength(40, { message: MESSAGES.phone })
  phone?: string;
}

/** Invitation acceptance: the password rule depends on whether the account exists (checked in the service). */
export class AcceptInvitationDto {
  @Transform(trim)
  @IsNotEmpty({ message: MESSAGES.nameEmpty })
  @MaxLength(80, { message: MESSAGES.nameLong })
  @IsString({ message: MESSAGES.nameEmpty })
  displayName!: string;

  @IsOptional()
  @MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong })
  @IsString()
  password?: string;

  @IsIn(['ja'], { message: MESSAGES.consent })
  consent!: string;
}
