import { IsOptional, IsString } from 'class-validator';

/** A vote or its withdrawal: `terug=cafe` when cast on the café page (else the wishes page). */
export class VoteDto {
  @IsOptional()
  @IsString()
  terug?: string;
}
