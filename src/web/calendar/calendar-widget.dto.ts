import { IsString, MaxLength, ValidateBy, type ValidationArguments } from 'class-validator';
import { parseWidgetOrigins } from './widget-origins';

/** The sites that may show the calendar's widget (/beheer/kalender), one per line. */
export class CalendarWidgetDto {
  @ValidateBy({
    name: 'isWidgetOrigins',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseWidgetOrigins(value).ok,
      defaultMessage: (args?: ValidationArguments) => {
        const result = parseWidgetOrigins(String(args?.value ?? ''));
        return result.ok ? '' : result.error;
      },
    },
  })
  @MaxLength(2000, { message: 'De lijst is te lang: vul hoogstens 10 websites in.' })
  @IsString({ message: 'Vul de websites in, één per regel, of laat het veld leeg.' })
  origins: string;
}
