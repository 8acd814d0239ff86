import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Roles an admin may invite someone into; caregivers register themselves. */
export const INVITABLE_ROLES = ['professional', 'tenant_admin'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** Invite a professional or another admin (/beheer/leden/uitnodigen). */
export class InviteDto {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsNotEmpty({ message: 'Vul het e-mailadres in van wie je wilt uitnodigen.' })
  @MaxLength(254, { message: 'Het e-mailadres is te lang.' })
  @IsEmail({}, { message: 'Vul een geldig e-mailadres in, zoals naam@gemeente.be.' })
  @IsString({ message: 'Vul het e-mailadres in van wie je wilt uitnodigen.' })
  email: string;

  @IsIn(INVITABLE_ROLES, { message: 'Kies welke rol deze persoon krijgt.' })
  role: InvitableRole;
}
