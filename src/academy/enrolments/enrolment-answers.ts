import { IsObject } from 'class-validator';
import { t } from '../../i18n/i18n';
import type { FieldErrors } from '../../web/forms/form-validation';
import { withoutControls } from '../../web/input-guard';
import type { CourseQuestion } from '../common/entities/course-question.entity';

/** The longest answer to a short-text question. */
export const MAX_ANSWER_LENGTH = 500;
/** The values a yes/no question's radios send. */
export const YES_NO = ['ja', 'nee'] as const;

const ANSWER_FIELD = /^answers\[([0-9a-fA-F-]{36})\]$/;

/** The enrolment form: the answers by question id (fields `answers[<questionId>]`). */
export class EnrolFormDto {
  @IsObject()
  answers: Record<string, string> = {};
}

/** The answers of a posted body, by question id (the form's other fields are ignored). */
export function answerFields(body: Record<string, unknown>): { answers: Record<string, string> } {
  const answers: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    const m = ANSWER_FIELD.exec(name);
    if (m) answers[m[1].toLowerCase()] = withoutControls(String([value].flat()[0] ?? ''));
  }
  return { answers };
}

/** The form field's id for a question (the error summary links to it). */
export const questionField = (q: Pick<CourseQuestion, 'id'>) => `q-${q.id}`;

/**
 * The answers checked against the course's questions: required ones given, a yes/no one `ja` or
 * `nee`, a choice one of its options, a text at most MAX_ANSWER_LENGTH characters. The errors are
 * keyed by the question's field and name the question; only the course's questions are kept.
 */
export function checkAnswers(
  questions: CourseQuestion[],
  given: Record<string, string>,
): { ok: true; answers: Record<string, string> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const answers: Record<string, string> = {};
  for (const q of questions) {
    const value = (given[q.id] ?? '').trim();
    const field = questionField(q);
    if (!value) {
      if (q.required) errors[field] = t('academy.enrolments.answer.required', { label: q.label });
      continue;
    }
    if (q.kind === 'yes_no' && !(YES_NO as readonly string[]).includes(value))
      errors[field] = t('academy.enrolments.answer.yesNo', { label: q.label });
    else if (q.kind === 'choice' && !q.choices.includes(value))
      errors[field] = t('academy.enrolments.answer.choice', { label: q.label });
    else if (value.length > MAX_ANSWER_LENGTH)
      errors[field] = t('academy.enrolments.answer.tooLong', {
        label: q.label,
        max: MAX_ANSWER_LENGTH,
      });
    else answers[q.id] = value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}
