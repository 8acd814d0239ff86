import { IsOptional, IsString } from 'class-validator';

/** The core-group page's "appoint": the membership chosen from the search results. */
export class AppointHostDto {
  @IsString()
  membershipId: string;

  /** The page's search box shares this address (it GETs it); a post carrying it is not refused. */
  @IsOptional()
  @IsString()
  zoek?: string;
}
