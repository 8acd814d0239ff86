import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  Injectable,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { t } from '../../i18n/i18n';
import { generateCsrfToken } from '../../web/csrf';
import { errorList } from '../../web/forms/form-validation';
import { RefusedInputException } from '../../web/input-guard';
import { MAX_IMPORT_BYTES } from './organisation-csv';

export const IMPORT_VIEW = 'guide/organisations/import';

/** The import page with a message at the file field (the upload form again). */
export function renderImportError(req: Request, res: Response, message: string, status = 400) {
  const errors = { bestand: message };
  res.status(status).render(IMPORT_VIEW, {
    title: t('guide.orgs.import.title'),
    errors,
    errorList: errorList(errors),
    csrfToken: generateCsrfToken(req),
  });
}

/**
 * Multer's refusals of an upload (a file over 2 MB, a second file, another field) and refused
 * text fields become a Dutch message at the file field of the import page, never a bare 413.
 */
@Catch(PayloadTooLargeException, BadRequestException, RefusedInputException)
@Injectable()
export class OrganisationUploadFilter implements ExceptionFilter {
  catch(exception: Error, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof PayloadTooLargeException)
      return renderImportError(
        req,
        res,
        t('guide.orgs.import.error.tooLarge', { mb: MAX_IMPORT_BYTES / 1024 / 1024 }),
        413,
      );
    renderImportError(req, res, t('guide.orgs.import.error.notReceived'));
  }
}
