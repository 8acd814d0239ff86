import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { LoginRequiredException } from '../auth/guards/auth.guards';
import { t } from '../i18n/i18n';
import { generateCsrfToken } from './csrf';
import {
  httpStatusOf,
  parserRefusalMessage,
  RefusedInputException,
  withoutControls,
} from './input-guard';
import {
  errorList,
  FORM_VIEW,
  FormValidationException,
  FormViewMeta,
} from './forms/form-validation';

/**
 * Every error becomes a Dutch HTML page: an invalid form is rendered again with its errors and the
 * user's input, a 404/403/429 gets its own plain message, anything else a 500 that is logged.
 */
@Catch()
export class HtmlExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { formView?: FormViewMeta }>();
    const res = ctx.getResponse<Response>();
    if (res.headersSent) return;

    if (exception instanceof FormValidationException && req.formView) {
      renderForm(req, res, req.formView, exception.errors);
      return;
    }
    if (exception instanceof RefusedInputException && req.formView) {
      const { errors, status } = exception.refused;
      renderForm(req, res, req.formView, errors, {}, status);
      return;
    }

    if (exception instanceof LoginRequiredException) {
      // originalUrl is the public path (platform routes are rewritten internally).
      res.redirect(303, `/inloggen?terug=${encodeURIComponent(exception.returnTo)}`);
      return;
    }

    // Errors of Express and its parsers carry their status (400 for a broken %-escape in a path).
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : (httpStatusOf(exception) ?? HttpStatus.INTERNAL_SERVER_ERROR);
    if (req.path === '/readyz' && exception instanceof HttpException) {
      res.status(status).json(exception.getResponse()); // probes read JSON
      return;
    }
    if (status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const key = (
      { 403: 'error.403', 404: 'error.404', 429: 'error.429' } as Record<number, string>
    )[status];
    let title = t(key ? `${key}.title` : 'error.500.title');
    let message = t(key ? `${key}.body` : 'error.500.body');
    if (status === 429 && exception instanceof HttpException) {
      message = exception.message; // the rate limiter says how long to wait (src/auth/rate-limit.ts)
    } else if (exception instanceof RefusedInputException) {
      title = t('input.refused.title');
      message = exception.message;
    } else if (!key && status < 500 && exception instanceof HttpException) {
      // A 4xx we raised on purpose carries a Dutch message meant for the user.
      title = 'Dat lukte niet';
      message = exception.message;
    } else if (!key && status < 500) {
      title = t('input.refused.title');
      message = parserRefusalMessage(status);
    }
    res.status(status).render('errors/error', { title, message });
  }
}

/** Render a form page again with field errors and what the person typed (never passwords). */
export function renderForm(
  req: Request,
  res: Response,
  form: FormViewMeta,
  errors: Record<string, string>,
  extra: Record<string, unknown> = {},
  status = 400,
): void {
  const values: Record<string, unknown> = { ...(req.body ?? {}) };
  for (const [field, value] of Object.entries(values)) {
    if (/password|wachtwoord/i.test(field)) delete values[field];
    // Refused control characters are not sent back into the page.
    else if (typeof value === 'string') values[field] = withoutControls(value);
    // A field sent twice shows its first value again.
    else if (Array.isArray(value)) values[field] = withoutControls(String(value[0] ?? ''));
  }
  res.status(status).render(form.view, {
    title: typeof form.title === 'function' ? form.title() : form.title,
    errors,
    errorList: errorList(errors),
    values,
    csrfToken: generateCsrfToken(req),
    ...extra,
  });
}

export { FORM_VIEW };
