import { IsString } from 'class-validator';

/** The core-group page's "appoint": the membership chosen from the search results. */
export class AppointHostDto {
  @IsString()
  membershipId: string;
}
