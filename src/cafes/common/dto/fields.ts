import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { int } from '../../../web/forms/transforms';

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
