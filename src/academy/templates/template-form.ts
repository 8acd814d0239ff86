import { proposeSlug } from '../../platform/propose-slug';
import { validateBody } from '../../web/forms/validate-body';
import type { FieldErrors } from '../../web/forms/form-validation';
import { refusedFields, withoutControls } from '../../web/input-guard';
import { randomBytes } from 'node:crypto';
import { audienceValues, checkedAudiences } from '../../web/surfaces/audience-fields';
import {
  type Audience,
  type AcademyTemplate,
  type CourseKind,
} from '../common/entities/academy-template.entity';
import type { AcademyTemplateSession } from '../common/entities/academy-template-session.entity';
import { TemplateDto } from './dto/template.dto';

/** At most this many sessions in a programme (the form shows the rows plus EMPTY_ROWS). */
export const MAX_SESSIONS = 12;
/** Empty rows the form shows after the programme's sessions (no JavaScript needed to add one). */
export const EMPTY_ROWS = 2;
/** Words that cannot be a template's address: they are pages of their own. */
export const RESERVED_TEMPLATE_SLUGS = new Set(['nieuw', 'sjablonen']);

export interface SessionInput {
  title: string;
  programme: string;
  durationMinutes: number;
}

export interface TemplateInput {
  title: string;
  slug: string;
  kind: CourseKind;
  audiences: Audience[];
  summary: string;
  learningGoals: string;
  trainerProfile: string;
  suggestedCapacity: number;
  sessions: SessionInput[];
}

const SESSION_FIELD = /^session([1-9]\d?)(Title|Programme|Minutes)$/;

/** One row of the programme as the form shows it. */
export interface SessionRow {
  n: number;
  title: string;
  programme: string;
  minutes: string;
}

const str = (value: unknown): string =>
  typeof value === 'string'
    ? withoutControls(value)
    : Array.isArray(value)
      ? String(value[0] ?? '')
      : '';

/**
 * The programme's rows from a posted body (what was typed, to show again), at least the rows
 * posted and always EMPTY_ROWS empty ones after the last filled one (up to MAX_SESSIONS).
 */
export function rowsFromBody(body: Record<string, unknown>): SessionRow[] {
  const rows: SessionRow[] = [];
  for (let n = 1; n <= MAX_SESSIONS; n++)
    rows.push({
      n,
      title: str(body[`session${n}Title`]),
      programme: str(body[`session${n}Programme`]),
      minutes: str(body[`session${n}Minutes`]),
    });
  return trimRows(rows);
}

/** The form's rows for a template's sessions (none: a new template). */
export function rowsFromSessions(sessions: AcademyTemplateSession[]): SessionRow[] {
  const rows: SessionRow[] = sessions.map((s, i) => ({
    n: i + 1,
    title: s.title,
    programme: s.programme,
    minutes: String(s.durationMinutes),
  }));
  for (let n = rows.length + 1; n <= MAX_SESSIONS; n++)
    rows.push({ n, title: '', programme: '', minutes: '' });
  return trimRows(rows);
}

const filled = (row: SessionRow) =>
  !!(row.title.trim() || row.programme.trim() || row.minutes.trim());

function trimRows(rows: SessionRow[]): SessionRow[] {
  let last = 0;
  rows.forEach((row, i) => {
    if (filled(row)) last = i + 1;
  });
  return rows.slice(0, Math.min(MAX_SESSIONS, Math.max(last + EMPTY_ROWS, 1 + EMPTY_ROWS)));
}

/** The form's values for a template (null: a new one). */
export function formValues(template: AcademyTemplate | null): Record<string, unknown> {
  if (!template) return { kind: 'track', suggestedCapacity: '15', audienceCaregiver: '1' };
  const values: Record<string, unknown> = {
    title: template.title,
    slug: template.slug,
    kind: template.kind,
    summary: template.summary,
    learningGoals: template.learningGoals,
    trainerProfile: template.trainerProfile,
    suggestedCapacity: String(template.suggestedCapacity),
  };
  return { ...values, ...audienceValues(template.audiences) };
}

/**
 * Reads a posted template form: its own fields through the DTO, the programme's rows from
 * `session<N>…` (empty rows ignored, at least one session, a workshop or an info session exactly
 * one, a duration of 15 to 600 minutes), every problem at its field.
 */
export async function parseTemplateForm(
  body: Record<string, unknown>,
): Promise<{ ok: true; input: TemplateInput } | { ok: false; errors: FieldErrors }> {
  const own: Record<string, unknown> = {};
  const sessionFields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const m = SESSION_FIELD.exec(key);
    if (m && Number(m[1]) <= MAX_SESSIONS) sessionFields[key] = value;
    else own[key] = value;
  }
  const valid = await validateBody(TemplateDto, own);
  // What the input guard refused (a control character, a field given twice), at its field.
  const errors: FieldErrors = { ...(valid.ok ? {} : valid.errors), ...refusedFields(body) };
  const sessions: SessionInput[] = [];
  for (let n = 1; n <= MAX_SESSIONS; n++) {
    const raw = ['Title', 'Programme', 'Minutes'].map((f) => sessionFields[`session${n}${f}`]);
    if (raw.some((v) => v !== undefined && typeof v !== 'string')) {
      errors[`session${n}Title`] ??= `Sessie ${n} is niet goed doorgekomen. Vul ze opnieuw in.`;
      continue;
    }
    const [title, programme, minutes] = raw.map((v) =>
      typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '',
    );
    if (!title && !programme && !minutes) continue;
    if (title.length < 3)
      errors[`session${n}Title`] = `Vul de titel van sessie ${n} in (minstens 3 tekens).`;
    else if (title.length > 160)
      errors[`session${n}Title`] = `De titel van sessie ${n} mag hoogstens 160 tekens lang zijn.`;
    if (programme.length > 5000)
      errors[`session${n}Programme`] =
        `Het programma van sessie ${n} mag hoogstens 5000 tekens lang zijn.`;
    const duration = /^\d{1,4}$/.test(minutes) ? Number(minutes) : NaN;
    if (!(duration >= 15 && duration <= 600))
      errors[`session${n}Minutes`] =
        `Vul de duur van sessie ${n} in minuten in: een getal van 15 tot 600, bijvoorbeeld 120.`;
    sessions.push({ title, programme, durationMinutes: duration });
  }
  if (sessions.length === 0 && !Object.keys(errors).some((k) => k.startsWith('session')))
    errors.session1Title = 'Vul minstens één sessie in: een titel en de duur in minuten.';
  const kind = valid.ok ? (valid.dto.kind as CourseKind) : null;
  if (kind && kind !== 'track' && sessions.length > 1)
    errors.kind =
      kind === 'workshop'
        ? 'Een workshop heeft precies één sessie. Kies "traject" of laat één sessie over.'
        : 'Een infosessie heeft precies één sessie. Kies "traject" of laat één sessie over.';
  const audiences = valid.ok
    ? checkedAudiences(valid.dto as unknown as Record<string, unknown>)
    : [];
  if (valid.ok && audiences.length === 0) errors.audienceCaregiver = 'Kies minstens één doelgroep.';
  let slug = valid.ok ? valid.dto.slug || proposeSlug(valid.dto.title).slice(0, 80) : '';
  if (valid.ok && !valid.dto.slug && slug.length < 2)
    slug = `sjabloon-${randomBytes(3).toString('hex')}`;
  if (valid.ok && RESERVED_TEMPLATE_SLUGS.has(slug))
    errors.slug = `"${slug}" kan geen adres van een sjabloon zijn. Kies een ander adres.`;
  if (!valid.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const dto = valid.dto;
  return {
    ok: true,
    input: {
      title: dto.title,
      slug,
      kind: dto.kind as CourseKind,
      audiences,
      summary: dto.summary,
      learningGoals: dto.learningGoals,
      trainerProfile: dto.trainerProfile,
      suggestedCapacity: dto.suggestedCapacity,
      sessions,
    },
  };
}
