import { IsString } from 'class-validator';

/** The dashboard's "attach to a meeting": the key of the chosen meeting (empty: none chosen). */
export class AttachWishDto {
  @IsString()
  bijeenkomst: string;
}
