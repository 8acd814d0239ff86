import { IsIn, IsOptional } from 'class-validator';

/** A tenant admin marks a member as municipal staff: the checkbox posts `staff=1`, or nothing. */
export class MemberStaffDto {
  @IsOptional()
  @IsIn(['1'])
  staff?: '1';
}
