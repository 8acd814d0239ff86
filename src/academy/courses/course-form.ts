import { t } from '../../i18n/i18n';
import { centsOf, eurosText } from '../../common/money';
import { slugify } from '../../common/slugify';
import { withoutControls } from '../../web/input-guard';
import { calendarDate, LOCAL_ZONE, localDateTime } from '../../common/dates';
import { DateTime } from 'luxon';
import {
  AUDIENCES,
  COURSE_KINDS,
  type Audience,
  type CourseKind,
} from '../common/entities/academy-template.entity';
import type { CourseSession } from '../common/entities/course-session.entity';
import { DEFAULT_COURSE_REMINDER_OFFSETS, type Course } from '../common/entities/course.entity';
import type { TemplateDetail } from '../templates/templates.service';
import { COURSE_REMINDER_CHOICES, CourseDto, MAX_SESSION_ROWS } from './dto/course.dto';

/** Words that cannot be a course's page address (they are routes of their own). */
export const RESERVED_COURSE_SLUGS = new Set(['nieuw', 'sjablonen']);

const AUDIENCE_FIELDS: Record<Audience, 'audCaregiver' | 'audProfessional' | 'audStaff'> = {
  caregiver: 'audCaregiver',
  professional: 'audProfessional',
  staff: 'audStaff',
};
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One session as the admin sets it; `id` names a stored session of this course (else new). */
export interface SessionInput {
  id: string | null;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

/** What an admin sets on a course (create and edit). */
export interface CourseInput {
  slug: string;
  title: string;
  kind: CourseKind;
  audiences: Audience[];
  summary: string;
  learningGoals: string;
  trainerName: string;
  trainerOrganisation: string;
  trainerMembershipId: string | null;
  venueName: string;
  venueAddress: string;
  venueDirections: string;
  stepFree: boolean;
  accessibleToilet: boolean;
  parking: boolean;
  onlineUrl: string | null;
  priceCents: number;
  capacity: number;
  registrationDeadline: Date | null;
  requiredAttendancePercent: number;
  reminderOffsets: number[];
  sessions: SessionInput[];
}

export function slugFromTitle(title: string): string {
  return slugify(title, 80, 'opleiding');
}

/**
 * Checks what class-validator cannot (the session rows, cross-field rules) and builds the
 * service input. Every message names its field and stays at it.
 */
export function courseInputFromForm(
  dto: CourseDto,
): { ok: true; input: CourseInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const slug = dto.slug || slugFromTitle(dto.title);
  if (RESERVED_COURSE_SLUGS.has(slug))
    errors.slug = `"${slug}" kan niet als adres van de pagina. Kies een ander.`;
  const audiences = AUDIENCES.filter((a) => dto[AUDIENCE_FIELDS[a]] === '1');
  if (audiences.length === 0) errors.audCaregiver = 'Kies voor wie de opleiding is.';
  if (!dto.onlineUrl && (!dto.venueName || !dto.venueAddress)) {
    if (!dto.venueName)
      errors.venueName = 'Vul de naam van de plaats in, of een link voor online deelnemen.';
    else errors.venueAddress = 'Vul het adres van de plaats in: straat, nummer en gemeente.';
  }

  const sessions: SessionInput[] = [];
  for (let n = 1; n <= MAX_SESSION_ROWS; n++) {
    const [id, date, start, end, title] = (['Id', 'Date', 'Start', 'End', 'Title'] as const).map(
      (f) => dto[`s${n}${f}`] ?? '',
    );
    if (!date && !start && !end && !title) continue; // an empty row: ignored (or removed)
    const at = (field: string, message: string) => {
      errors[`s${n}${field}`] ??= message;
    };
    if (!calendarDate(date))
      at('Date', `Sessie ${n}: vul een bestaande datum in zoals 2027-01-05.`);
    if (!TIME.test(start)) at('Start', `Sessie ${n}: vul het beginuur in zoals 14:00.`);
    if (!TIME.test(end)) at('End', `Sessie ${n}: vul het einduur in zoals 16:00.`);
    if (errors[`s${n}Date`] || errors[`s${n}Start`] || errors[`s${n}End`]) continue;
    const startsAt = localDateTime(date, start);
    const endsAt = localDateTime(date, end);
    if (!startsAt) {
      at(
        'Start',
        `Sessie ${n}: dat uur bestaat niet op die dag (de klok springt). Kies een ander uur.`,
      );
      continue;
    }
    if (!endsAt) {
      at(
        'End',
        `Sessie ${n}: dat uur bestaat niet op die dag (de klok springt). Kies een ander uur.`,
      );
      continue;
    }
    if (endsAt <= startsAt) {
      at('End', `Sessie ${n}: het einduur moet na het beginuur liggen.`);
      continue;
    }
    sessions.push({
      id: /^[0-9a-f-]{36}$/i.test(id) ? id : null,
      title,
      startsAt: startsAt.toJSDate(),
      endsAt: endsAt.toJSDate(),
    });
  }
  if (dto.kind === 'workshop' && sessions.length > 1)
    errors.s2Date ??= 'Een workshop heeft één sessie. Maak leeg wat te veel is, of kies "traject".';

  let registrationDeadline: Date | null = null;
  if (dto.deadlineDate || dto.deadlineTime) {
    const deadline = localDateTime(dto.deadlineDate, dto.deadlineTime || '23:59');
    if (!calendarDate(dto.deadlineDate))
      errors.deadlineDate =
        'Vul de datum waarop de inschrijving sluit in zoals 2027-01-05, of laat het veld leeg.';
    else if (dto.deadlineTime && !TIME.test(dto.deadlineTime))
      errors.deadlineTime = 'Vul het uur in zoals 12:00, of laat het veld leeg.';
    else if (!deadline)
      errors.deadlineTime = 'Dat uur bestaat niet op die dag. Kies een ander uur.';
    else {
      registrationDeadline = deadline.toJSDate();
      const first = Math.min(...sessions.map((s) => s.startsAt.getTime()));
      if (sessions.length > 0 && registrationDeadline.getTime() > first)
        errors.deadlineDate = 'De inschrijving moet sluiten voor de eerste sessie begint.';
    }
  }

  const offsets = COURSE_REMINDER_CHOICES.filter((m) => dto[`remind${m}`] === '1');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      slug,
      title: dto.title,
      kind: dto.kind as CourseKind,
      audiences,
      summary: dto.summary,
      learningGoals: dto.learningGoals,
      trainerName: dto.trainerName,
      trainerOrganisation: dto.trainerOrganisation,
      trainerMembershipId: dto.trainerMembershipId || null,
      venueName: dto.onlineUrl ? dto.venueName : dto.venueName,
      venueAddress: dto.venueAddress,
      venueDirections: dto.venueDirections,
      stepFree: dto.stepFree === '1',
      accessibleToilet: dto.accessibleToilet === '1',
      parking: dto.parking === '1',
      onlineUrl: dto.onlineUrl || null,
      priceCents: centsOf(dto.price),
      capacity: dto.capacity,
      registrationDeadline,
      requiredAttendancePercent: dto.requiredAttendancePercent,
      reminderOffsets: [...offsets],
      sessions: sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    },
  };
}

/** Session rows as form values, with `extra` empty rows after them. */
type SessionRow = { id?: string; title: string; date?: string; start?: string; end?: string };
function sessionValues(rows: SessionRow[], extra: number): Record<string, string> {
  const values: Record<string, string> = {};
  const empty: SessionRow[] = Array.from({ length: extra }, () => ({ title: '' }));
  const all = [...rows, ...empty].slice(0, MAX_SESSION_ROWS);
  all.forEach((row, i) => {
    const n = i + 1;
    values[`s${n}Id`] = row.id ?? '';
    values[`s${n}Title`] = row.title;
    values[`s${n}Date`] = row.date ?? '';
    values[`s${n}Start`] = row.start ?? '';
    values[`s${n}End`] = row.end ?? '';
  });
  values.rows = String(all.length);
  return values;
}

/** A new course's values: empty, or copied from a template (the admin only sets dates). */
export function newCourseValues(detail: TemplateDetail | null): Record<string, string> {
  const values: Record<string, string> = {
    kind: 'workshop',
    price: '0',
    capacity: '12',
    requiredAttendancePercent: '100',
    trainerMembershipId: '',
  };
  for (const m of DEFAULT_COURSE_REMINDER_OFFSETS) values[`remind${m}`] = '1';
  if (!detail) return { ...values, audCaregiver: '1', ...sessionValues([], 3) };
  const { template, sessions } = detail;
  for (const a of template.audiences) values[AUDIENCE_FIELDS[a]] = '1';
  const rows = sessions.map((s) => {
    // 14:00 plus the session's duration, as a suggestion for the end time.
    const end = 14 * 60 + s.durationMinutes;
    return {
      title: s.title,
      start: '14:00',
      end:
        end < 24 * 60
          ? `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`
          : '23:59',
    };
  });
  return {
    ...values,
    template: template.slug,
    title: template.title,
    slug: template.slug,
    kind: template.kind,
    summary: template.summary,
    learningGoals: template.learningGoals,
    capacity: String(template.suggestedCapacity),
    ...sessionValues(rows, template.kind === 'workshop' ? 0 : 1),
  };
}

/** A stored course as the form's values (its scheduled sessions, then two empty rows). */
export function courseValues(course: Course, sessions: CourseSession[]): Record<string, string> {
  const values: Record<string, string> = {
    title: course.title,
    slug: course.slug,
    kind: course.kind,
    summary: course.summary,
    learningGoals: course.learningGoals,
    trainerName: course.trainerName,
    trainerOrganisation: course.trainerOrganisation,
    trainerMembershipId: course.trainerMembershipId ?? '',
    venueName: course.venueName,
    venueAddress: course.venueAddress,
    venueDirections: course.venueDirections,
    onlineUrl: course.onlineUrl ?? '',
    price: eurosText(course.priceCents),
    capacity: String(course.capacity),
    requiredAttendancePercent: String(course.requiredAttendancePercent),
    deadlineDate: course.registrationDeadline
      ? instantToLocal(course.registrationDeadline).date
      : '',
    deadlineTime: course.registrationDeadline
      ? instantToLocal(course.registrationDeadline).time
      : '',
  };
  for (const a of course.audiences) values[AUDIENCE_FIELDS[a]] = '1';
  for (const f of ['stepFree', 'accessibleToilet', 'parking'] as const)
    if (course[f]) values[f] = '1';
  for (const m of course.reminderOffsets) values[`remind${m}`] = '1';
  const rows = sessions
    .filter((s) => s.status === 'scheduled')
    .map((s) => {
      const start = instantToLocal(s.startsAt);
      return {
        id: s.id,
        title: s.title,
        date: start.date,
        start: start.time,
        end: instantToLocal(s.endsAt).time,
      };
    });
  return {
    ...values,
    ...sessionValues(rows, course.kind === 'workshop' ? (rows.length ? 0 : 1) : 2),
  };
}

/** The form's choices (kinds, audiences, flags, reminders, trainers, session rows) from `values`. */
export function courseFormOptions(
  values: Record<string, unknown>,
  members: { id: string; displayName: string }[],
) {
  const rowCount = Math.min(
    MAX_SESSION_ROWS,
    Math.max(1, Number(values.rows) || 0, highestFilledRow(values)),
  );
  return {
    kinds: COURSE_KINDS.map((k) => ({
      value: k,
      label: t(`academy.kind.${k}`),
      checked: values.kind === k,
    })),
    audiences: AUDIENCES.map((a) => ({
      name: AUDIENCE_FIELDS[a],
      label: t(`audience.${a}`),
      checked: values[AUDIENCE_FIELDS[a]] === '1',
    })),
    flags: (['stepFree', 'accessibleToilet', 'parking'] as const).map((f) => ({
      name: f,
      label: t(`academy.courses.form.${f}`),
      checked: values[f] === '1',
    })),
    reminders: COURSE_REMINDER_CHOICES.map((m) => ({
      name: `remind${m}`,
      label: t(`academy.courses.form.remind.${m}`),
      checked: values[`remind${m}`] === '1',
    })),
    trainers: [
      {
        value: '',
        label: t('academy.courses.form.trainerMember.none'),
        selected: !values.trainerMembershipId,
      },
      ...members.map((m) => ({
        value: m.id,
        label: m.displayName,
        selected: values.trainerMembershipId === m.id,
      })),
    ],
    sessionRows: Array.from({ length: rowCount }, (_, i) => {
      const n = i + 1;
      const v = (f: string) => {
        const raw = values[`s${n}${f}`];
        // What was typed, without refused control characters; a field sent twice shows its first value.
        const first = Array.isArray(raw) ? raw[0] : raw;
        return typeof first === 'string' ? withoutControls(first) : '';
      };
      return {
        n,
        id: v('Id'),
        title: v('Title'),
        date: v('Date'),
        start: v('Start'),
        end: v('End'),
        names: {
          title: `s${n}Title`,
          date: `s${n}Date`,
          start: `s${n}Start`,
          end: `s${n}End`,
          id: `s${n}Id`,
        },
      };
    }),
    rows: String(rowCount),
  };
}

/** Instant → local `{ date, time }` in Europe/Brussels. */
function instantToLocal(instant: Date): { date: string; time: string } {
  const dt = DateTime.fromJSDate(instant, { zone: LOCAL_ZONE });
  return { date: dt.toISODate()!, time: dt.toFormat('HH:mm') };
}

function highestFilledRow(values: Record<string, unknown>): number {
  let highest = 0;
  for (let n = 1; n <= MAX_SESSION_ROWS; n++)
    if (['Id', 'Date', 'Start', 'End', 'Title'].some((f) => values[`s${n}${f}`])) highest = n;
  return highest;
}
