import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { t } from '../../../i18n/i18n';
import { MAX_COMPANIONS, type SignupInput } from '../signups.service';

/** The fields of the sign-up form on the meeting page; any other field is ignored, as always. */
export const SIGNUP_FIELDS = ['companions', 'respite', 'transport', 'other', 'otherNeed'] as const;

/** One digit as the select sends it ("0" to "5"); anything else stays as typed and is refused. */
const digit = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d$/.test(value) ? Number(value) : value;

/**
 * The sign-up form. A checkbox counts as ticked when it is sent with any value; the other need is
 * kept to its first 500 characters (the column's size), not refused. What fails here was not typed
 * but tampered with (the select offers 0 to 5): the page answers with a flash, not the form.
 */
export class SignupFormDto {
  /** Absent: alone. */
  @Min(0)
  @Max(MAX_COMPANIONS)
  @IsInt()
  @Transform(digit)
  companions: number | string = 0;

  @IsOptional()
  @IsString()
  respite?: string;

  @IsOptional()
  @IsString()
  transport?: string;

  @IsOptional()
  @IsString()
  other?: string;

  @IsOptional()
  @IsString()
  otherNeed?: string;
}

/** The known fields of a posted body (the form never refused an unknown one). */
export function signupFields(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    SIGNUP_FIELDS.filter((name) => body[name] !== undefined).map((name) => [name, body[name]]),
  );
}

/** What is stored for a valid form. */
export function toSignupInput(dto: SignupFormDto): SignupInput {
  const checked = (value: string | undefined) => value !== undefined && value !== '';
  const text = (dto.otherNeed ?? '').trim().slice(0, 500);
  return {
    companions: Number(dto.companions),
    needsRespite: checked(dto.respite),
    needsTransport: checked(dto.transport),
    needsOther: text || (checked(dto.other) ? t('signups.needs.otherUnspecified') : null),
  };
}
