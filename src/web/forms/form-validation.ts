import { SetMetadata, ValidationError, ValidationPipe } from '@nestjs/common';

/** The view a POST handler's form lives in; on invalid input it is rendered again with errors. */
export const FORM_VIEW = 'mzh:form-view';
export const FormView = (view: string, title: FormTitle) => SetMetadata(FORM_VIEW, { view, title });
/**
 * A form's page title: a text, or a function for a translated one, so the lookup happens when the
 * form is shown (a feature's strings are registered at start, after its files are loaded).
 */
export type FormTitle = string | (() => string);
export interface FormViewMeta {
  view: string;
  title: FormTitle;
}

/** Field → first message, in form order. */
export type FieldErrors = Record<string, string>;

export class FormValidationException extends Error {
  constructor(readonly errors: FieldErrors) {
    super('Form validation failed');
  }
}

export function toFieldErrors(errors: ValidationError[]): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) result[error.property] = messages[messages.length - 1];
  }
  return result;
}

/** Ordered list for the error summary at the top of the form. */
export function errorList(errors: FieldErrors): { field: string; message: string }[] {
  return Object.entries(errors).map(([field, message]) => ({ field, message }));
}

/** The global pipe: unknown fields are refused, values converted, errors become a re-rendered form. */
export function formValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new FormValidationException(toFieldErrors(errors)),
  });
}
