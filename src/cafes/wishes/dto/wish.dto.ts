import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { WISH_KINDS, type WishKind } from '../entities/wish.entity';
import { trim } from '../../../web/forms/transforms';

/** A theme or speaker a member proposes for a café. */
export class WishDto {
  @IsIn(WISH_KINDS, { message: 'Kies of je een thema of een spreker voorstelt.' })
  kind: WishKind;

  @IsString({ message: 'Schrijf je voorstel in een paar woorden.' })
  @Transform(trim)
  @MaxLength(200, { message: 'Je voorstel mag hoogstens 200 tekens lang zijn.' })
  @MinLength(3, { message: 'Schrijf je voorstel in een paar woorden.' })
  text: string;
}
