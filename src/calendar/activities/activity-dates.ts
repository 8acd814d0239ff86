import { DateTime } from 'luxon';
import { calendarDate, LOCAL_ZONE } from '../../common/dates';
import { expandRule, horizonEnd, localToInstant, type Occurrence } from '../../events/recurrence';
import { WEEKDAYS } from '../../events/schedule';
import type { Activity } from '../common/entities/activity.entity';

/** What the dates of an activity depend on. */
export type ActivityTiming = Pick<
  Activity,
  'recurrenceRule' | 'startsOn' | 'endsOn' | 'allDay' | 'startTime' | 'durationMinutes'
>;

/** The dates the activity should have after `now`: its rule's, or its one date. */
export function expectedDates(activity: ActivityTiming, now: Date): Occurrence[] {
  const dates = ruleDates(activity, now);
  // A whole day ends at the next midnight, also on the days the clocks change (23 or 25 hours).
  return activity.allDay ? dates.map((o) => ({ ...o, endsAt: nextMidnight(o.startsAt) })) : dates;
}

function nextMidnight(startsAt: Date): Date {
  return DateTime.fromJSDate(startsAt, { zone: LOCAL_ZONE })
    .plus({ days: 1 })
    .startOf('day')
    .toJSDate();
}

function ruleDates(activity: ActivityTiming, now: Date): Occurrence[] {
  if (!activity.recurrenceRule) {
    const startsAt = localToInstant(activity.startsOn, activity.startTime);
    if (!startsAt || startsAt <= now) return [];
    const endsAt = new Date(startsAt.getTime() + activity.durationMinutes * 60_000);
    return [{ startsAt, endsAt, localDate: activity.startsOn }];
  }
  const dates = expandRule(
    {
      rule: activity.recurrenceRule,
      startTime: activity.startTime,
      durationMinutes: activity.durationMinutes,
      startsOn: activity.startsOn,
    },
    now,
    horizonEnd(now),
  );
  return activity.endsOn ? dates.filter((o) => o.localDate <= activity.endsOn!) : dates;
}

/**
 * The rule of a schedule, from the first date's weekday: "elke week op donderdag", "elke
 * tweede dinsdag van de maand" (a fifth weekday counts as the month's last).
 */
export function ruleFor(schedule: 'weekly' | 'biweekly' | 'monthly', firstDate: string): string {
  const day = calendarDate(firstDate)!;
  const weekday = WEEKDAYS[day.weekday - 1];
  if (schedule === 'weekly') return `FREQ=WEEKLY;BYDAY=${weekday}`;
  if (schedule === 'biweekly') return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${weekday}`;
  const nth = Math.ceil(day.day / 7);
  return `FREQ=MONTHLY;BYDAY=${nth > 4 ? -1 : nth}${weekday}`;
}
