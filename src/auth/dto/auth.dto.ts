import { applyDecorators } from '@nestjs/common';
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
import { trim } from '../../web/forms/transforms';

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

/** Decorators written in the order they would stand stacked on a property, applied as stacked ones are (bottom first). */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...[...decorators].reverse());
}

/** An e-mail address (trimmed), with the Dutch messages. */
export const EmailField = () =>
  stacked(
    Transform(trim),
    IsNotEmpty({ message: MESSAGES.emailEmpty }),
    IsEmail({}, { message: MESSAGES.emailInvalid }),
    MaxLength(254, { message: MESSAGES.emailLong }),
    IsString({ message: MESSAGES.emailInvalid }),
  );

/** The name a person shows in a municipality (trimmed). */
const DisplayNameField = () =>
  stacked(
    Transform(trim),
    IsNotEmpty({ message: MESSAGES.nameEmpty }),
    MaxLength(80, { message: MESSAGES.nameLong }),
    IsString({ message: MESSAGES.nameEmpty }),
  );

/** A new password that may be left empty (an account without one logs in by e-mailed link). */
const OptionalNewPasswordField = () =>
  stacked(
    ValidateIf((o: { password?: unknown }) => hasValue(o.password)),
    MinLength(MIN_PASSWORD_LENGTH, { message: MESSAGES.passwordShort }),
    MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong }),
    IsString({ message: MESSAGES.passwordShort }),
  );

/** A new password that must be given. */
const NewPasswordField = () =>
  stacked(
    IsNotEmpty({ message: MESSAGES.newPasswordEmpty }),
    MinLength(MIN_PASSWORD_LENGTH, { message: MESSAGES.passwordShort }),
    MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong }),
    IsString({ message: MESSAGES.newPasswordEmpty }),
  );

class WithEmail {
  @EmailField()
  email!: string;
}

export class LoginDto extends WithEmail {
  @IsNotEmpty({ message: MESSAGES.passwordEmpty })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong })
  @IsString({ message: MESSAGES.passwordEmpty })
  password!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  terug?: string;
}

export class EmailDto extends WithEmail {}

export class RegisterDto {
  @DisplayNameField()
  displayName!: string;

  @EmailField()
  email!: string;

  /** Optional: without one, the person logs in with an e-mailed link. */
  @OptionalNewPasswordField()
  password?: string;

  @IsIn(['ja'], { message: MESSAGES.consent })
  consent!: string;
}

/** Optional password on the confirmation page (when it is opened in another browser). */
export class ConfirmDto {
  @OptionalNewPasswordField()
  password?: string;
}

export class NewPasswordDto {
  @NewPasswordField()
  password!: string;
}

export class ChangePasswordDto {
  /** Empty for an account that has no password yet (it always logged in by link). */
  @IsOptional()
  @MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong })
  @IsString()
  currentPassword?: string;

  @NewPasswordField()
  newPassword!: string;
}

export class JoinDto {
  @DisplayNameField()
  displayName!: string;

  @IsIn(['ja'], { message: MESSAGES.consent })
  consent!: string;
}

export class ProfileDto {
  @DisplayNameField()
  displayName!: string;

  @Transform(trim)
  @ValidateIf((o: ProfileDto) => hasValue(o.phone))
  @Matches(/^\+?[0-9][0-9 ./-]{5,30}$/, { message: MESSAGES.phone })
  @MaxLength(40, { message: MESSAGES.phone })
  phone?: string;
}

/** Invitation acceptance: the password rule depends on whether the account exists (checked in the service). */
export class AcceptInvitationDto {
  @DisplayNameField()
  displayName!: string;

  @IsOptional()
  @MaxLength(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong })
  @IsString()
  password?: string;

  @IsIn(['ja'], { message: MESSAGES.consent })
  consent!: string;
}
