import { IsIn } from 'class-validator';
import { ROLES, type Role } from '../../auth/entities/membership.entity';

/** A tenant admin changes a member's role. */
export class MemberRoleDto {
  @IsIn(ROLES)
  role: Role;
}
