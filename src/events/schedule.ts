/**
 * A recurring event's rule in plain Dutch ("Elke eerste dinsdag van de maand, van 14.00 tot
 * 16.00 uur."): the forms' rules (weekly, every other week, monthly on the nth weekday), for the
 * cafés and the calendar's activities alike.
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The weeks of a month a monthly rule can name; -1 is the last one. */
export const WEEKS = ['1', '2', '3', '4', '-1'] as const;

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: 'maandag',
  TU: 'dinsdag',
  WE: 'woensdag',
  TH: 'donderdag',
  FR: 'vrijdag',
  SA: 'zaterdag',
  SU: 'zondag',
};

export const WEEK_ORDINALS: Record<(typeof WEEKS)[number], string> = {
  '1': 'eerste',
  '2': 'tweede',
  '3': 'derde',
  '4': 'vierde',
  '-1': 'laatste',
};

/** "14.00 tot 16.00 uur" */
export function hoursText(startTime: string, durationMinutes: number): string {
  const [h, m] = startTime.split(':').map(Number);
  const fmt = (mins: number) =>
    `${String(Math.floor(mins / 60) % 24).padStart(2, '0')}.${String(mins % 60).padStart(2, '0')}`;
  return `${fmt(h * 60 + m)} tot ${fmt(h * 60 + m + durationMinutes)} uur`;
}

/** The rule in words, or null for a rule these forms do not make. */
export function describeRule(
  rule: string | null,
  startTime: string,
  durationMinutes: number,
  allDay = false,
): string | null {
  const hours = allDay ? 'de hele dag' : `van ${hoursText(startTime, durationMinutes)}`;
  const weekly = rule && /^FREQ=WEEKLY(;INTERVAL=2)?;BYDAY=(MO|TU|WE|TH|FR|SA|SU)$/.exec(rule);
  if (weekly) {
    const day = WEEKDAY_NAMES[weekly[2] as Weekday];
    return weekly[1] ? `Om de twee weken op ${day}, ${hours}.` : `Elke ${day}, ${hours}.`;
  }
  const monthly = rule && /^FREQ=MONTHLY;BYDAY=(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(rule);
  if (monthly) {
    const ordinal = WEEK_ORDINALS[monthly[1] as (typeof WEEKS)[number]];
    return `Elke ${ordinal} ${WEEKDAY_NAMES[monthly[2] as Weekday]} van de maand, ${hours}.`;
  }
  return null;
}
