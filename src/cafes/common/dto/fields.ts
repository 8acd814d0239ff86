import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { int, trim } from '../../../web/forms/transforms';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A clock time typed as 14:00; `which` names the field in the message ("beginuur", "einduur"). */
export const TimeField = (which: 'beginuur' | 'einduur', example: string) => {
  const message = `Vul het ${which} in zoals ${example}.`;
  return applyDecorators(Matches(TIME, { message }), Transform(trim), IsString({ message }));
};

/**
 * Seats of a meeting, in people. Listed in the order stacked decorators are applied (bottom up):
 * the form shows the last failing message, so "not a number" wins over the range messages.
 */
export const CapacityField = () =>
  applyDecorators(
    Min(1, { message: 'Het aantal plaatsen moet minstens 1 zijn.' }),
    Max(500, { message: 'Het aantal plaatsen mag hoogstens 500 zijn.' }),
    Transform(int),
    IsInt({ message: 'Vul het aantal plaatsen in als getal, bijvoorbeeld 20.' }),
  );
