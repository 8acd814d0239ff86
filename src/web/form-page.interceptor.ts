import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, switchMap } from 'rxjs';
import { ensureSession } from '../auth/session';
import type { Request, Response } from 'express';
import { generateCsrfToken } from './csrf';
import { FORM_VIEW, FormView, type FormTitle, type FormViewMeta } from './forms/form-validation';

/**
 * Runs before pipes: remembers the form's view for the exception filter (so invalid input is shown
 * again in the same form) and puts a CSRF token in the view locals of pages that show a form.
 */
@Injectable()
export class FormPageInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const req = context.switchToHttp().getRequest<Request & { formView?: FormViewMeta }>();
    const res = context.switchToHttp().getResponse<Response>();
    const form = this.reflector.get<FormViewMeta | undefined>(FORM_VIEW, context.getHandler());
    if (form) req.formView = form;
    if (req.method !== 'GET') return next.handle();
    return from(ensureSession(req)).pipe(
      switchMap(() => {
        res.locals.csrfToken = generateCsrfToken(req);
        return next.handle();
      }),
    );
  }
}

/** On a GET handler: the page shows a form (gets a CSRF token). */
export const FormPage = () => UseInterceptors(FormPageInterceptor);

/** On a POST handler: invalid input re-renders `view` with errors and the input kept. */
export const FormSubmit = (view: string, title: FormTitle) =>
  applyDecorators(FormView(view, title), UseInterceptors(FormPageInterceptor));
