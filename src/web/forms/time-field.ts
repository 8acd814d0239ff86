import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';
import { trim } from './transforms';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A clock time typed as 14:00; `which` names the field in the message ("beginuur", "einduur"). */
export const TimeField = (which: 'beginuur' | 'einduur', example: string) => {
  const message = `Vul het ${which} in zoals ${example}.`;
  return applyDecorators(Matches(TIME, { message }), Transform(trim), IsString({ message }));
};
