import { t } from '../../i18n/i18n';
import { slugify } from '../../common/slugify';
import type { CafeInput } from '../admin/cafes-admin.service';
import { CafeDto, REMINDER_CHOICES } from '../admin/dto/cafe.dto';
import type { Cafe } from './entities/cafe.entity';
import { DEFAULT_REMINDER_OFFSETS } from './entities/cafe.entity';
import { ruleProblem } from '../../events/recurrence';
import { describeRule, WEEKDAY_NAMES, WEEKDAYS, WEEKS } from '../../events/schedule';

/** Words that cannot be a café's page address (they are routes of their own). */
const RESERVED = new Set(['nieuw', 'beheer']);

/** The form's planning choices as an RRULE body (floating local time), or null for "no rule". */
export function ruleFromForm(schedule: string, week: string, weekday: string): string | null {
  if (schedule === 'monthly') return `FREQ=MONTHLY;BYDAY=${week}${weekday}`;
  if (schedule === 'weekly') return `FREQ=WEEKLY;BYDAY=${weekday}`;
  return null;
}

/** The rule back into the form's choices (rules made elsewhere show as "no rule" choices + defaults). */
export function formFromRule(rule: string | null): {
  schedule: string;
  week: string;
  weekday: string;
} {
  const monthly = rule && /^FREQ=MONTHLY;BYDAY=(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(rule);
  if (monthly) return { schedule: 'monthly', week: monthly[1], weekday: monthly[2] };
  const weekly = rule && /^FREQ=WEEKLY;BYDAY=(MO|TU|WE|TH|FR|SA|SU)$/.exec(rule);
  if (weekly) return { schedule: 'weekly', week: '1', weekday: weekly[1] };
  return { schedule: 'none', week: '1', weekday: 'TU' };
}

/** "Elke eerste dinsdag van de maand, van 14.00 tot 16.00 uur." */
export function describeSchedule(cafe: Cafe): string | null {
  return describeRule(cafe.recurrenceRule, cafe.startTime, cafe.durationMinutes);
}

export function slugFromName(name: string): string {
  return slugify(name, 60, 'cafe');
}

/** Checks what class-validator cannot (cross-field) and builds the service input. */
export function cafeInputFromForm(
  dto: CafeDto,
): { ok: true; input: CafeInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const slug = dto.slug || slugFromName(dto.name);
  if (RESERVED.has(slug))
    errors.slug = `"${slug}" kan niet als adres van de pagina. Kies een ander.`;
  const [sh, sm] = dto.startTime.split(':').map(Number);
  const [eh, em] = dto.endTime.split(':').map(Number);
  const duration = eh * 60 + em - (sh * 60 + sm);
  if (duration <= 0) errors.endTime = 'Het einduur moet na het beginuur liggen.';
  const rule = ruleFromForm(dto.schedule, dto.week, dto.weekday);
  if (rule && ruleProblem(rule)) errors.schedule = 'Kies hoe vaak het café samenkomt.';
  const offsets = REMINDER_CHOICES.filter((m) => dto[`remind${m}` as keyof CafeDto] === '1');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name: dto.name,
      slug,
      description: dto.description,
      venueName: dto.venueName,
      venueAddress: dto.venueAddress,
      venueDirections: dto.venueDirections,
      stepFree: dto.stepFree === '1',
      accessibleToilet: dto.accessibleToilet === '1',
      parking: dto.parking === '1',
      contactName: dto.contactName || null,
      contactPhone: dto.contactPhone || null,
      contactEmail: dto.contactEmail ? dto.contactEmail.toLowerCase() : null,
      recurrenceRule: rule,
      ruleStartsOn: dto.startsOn || null,
      startTime: dto.startTime,
      durationMinutes: duration,
      defaultCapacity: dto.defaultCapacity,
      reminderOffsets: [...offsets],
    },
  };
}

/** A café as the form's values. */
export function formValues(cafe: Cafe | null): Record<string, unknown> {
  if (!cafe) {
    const values: Record<string, unknown> = {
      schedule: 'monthly',
      week: '1',
      weekday: 'TU',
      startTime: '14:00',
      endTime: '16:00',
      defaultCapacity: '20',
    };
    for (const m of DEFAULT_REMINDER_OFFSETS) values[`remind${m}`] = '1';
    return values;
  }
  const [h, m] = cafe.startTime.split(':').map(Number);
  const end = h * 60 + m + cafe.durationMinutes;
  const values: Record<string, unknown> = {
    name: cafe.name,
    slug: cafe.slug,
    description: cafe.description,
    venueName: cafe.venueName,
    venueAddress: cafe.venueAddress,
    venueDirections: cafe.venueDirections,
    stepFree: cafe.stepFree ? '1' : undefined,
    accessibleToilet: cafe.accessibleToilet ? '1' : undefined,
    parking: cafe.parking ? '1' : undefined,
    contactName: cafe.contactName ?? '',
    contactPhone: cafe.contactPhone ?? '',
    contactEmail: cafe.contactEmail ?? '',
    ...formFromRule(cafe.recurrenceRule),
    startsOn: cafe.ruleStartsOn ?? '',
    startTime: cafe.startTime,
    endTime: `${String(Math.floor(end / 60) % 24).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
    defaultCapacity: String(cafe.defaultCapacity),
  };
  for (const o of cafe.reminderOffsets) values[`remind${o}`] = '1';
  return values;
}

/** Options for the planning selects, with the chosen one marked. */
export function planningOptions(values: Record<string, unknown>) {
  return {
    weeks: WEEKS.map((w) => ({
      value: w,
      label: t(`cafes.form.week.${w}`),
      selected: values.week === w,
    })),
    weekdays: WEEKDAYS.map((d) => ({
      value: d,
      label: WEEKDAY_NAMES[d],
      selected: values.weekday === d,
    })),
    schedules: ['monthly', 'weekly', 'none'].map((s) => ({
      value: s,
      label: t(`cafes.form.schedule.${s}`),
      checked: values.schedule === s,
    })),
    reminders: REMINDER_CHOICES.map((m) => ({
      name: `remind${m}`,
      label: t(`cafes.form.remind.${m}`),
      checked: values[`remind${m}`] === '1',
    })),
    flags: (['stepFree', 'accessibleToilet', 'parking'] as const).map((f) => ({
      name: f,
      label: t(`cafes.form.${f}`),
      checked: values[f] === '1',
    })),
  };
}
