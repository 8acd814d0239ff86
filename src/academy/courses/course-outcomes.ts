import { t } from '../../i18n/i18n';
import type {
  CancelCourseResult,
  CreateCourseResult,
  PublishResult,
  QuestionResult,
  UpdateCourseResult,
} from './courses-admin.service';

type Reason =
  | Extract<CreateCourseResult, { ok: false }>['reason']
  | Extract<UpdateCourseResult, { ok: false }>['reason']
  | Extract<PublishResult, { ok: false }>['reason']
  | Extract<CancelCourseResult, { ok: false }>['reason']
  | Extract<QuestionResult, { ok: false }>['reason'];

/** How the course admin pages answer what the courses admin service refused. */
export const COURSE_REFUSALS: Record<Reason, Refusal> = {
  'slug-taken': { status: 400, field: 'slug', key: 'academy.courses.refused.slugTaken' },
  'no-trainer': {
    status: 400,
    field: 'trainerMembershipId',
    key: 'academy.courses.refused.noTrainer',
  },
  'no-sessions': { status: 400, field: 's1Date', key: 'academy.courses.refused.noSessions' },
  cancelled: { status: 409, field: 'title', key: 'academy.courses.refused.cancelled' },
  'no-future-session': { status: 400, field: '', key: 'academy.courses.refused.noFutureSession' },
  'already-cancelled': { status: 409, field: '', key: 'academy.courses.refused.cancelled' },
  'not-found': { status: 404 },
};

/** The flash after a change (`title`: the course's). */
export const COURSE_DONE = {
  created: 'academy.courses.done.created',
  saved: 'academy.courses.done.saved',
  published: 'academy.courses.done.published',
  cancelled: 'academy.courses.done.cancelled',
  questionAdded: 'academy.courses.done.questionAdded',
  questionSaved: 'academy.courses.done.questionSaved',
  questionRemoved: 'academy.courses.done.questionRemoved',
} as const;

/** The HTTP status of a refusal and, for a form, the field its message goes to (an i18n key). */
export interface Refusal {
  status: number;
  field?: string;
  key?: string;
}

/** The refusal as form errors: `{ [field]: message }`. */
export function refusalErrors(refusal: Refusal): Record<string, string> {
  return { [refusal.field ?? '']: refusal.key ? t(refusal.key) : '' };
}
