import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Tenant } from '../tenancy/entities/tenant.entity';
import { renderForm } from '../web/html-exception.filter';
import { LOGO_MESSAGES } from './logo-image';
import { brandingValues, BRANDING_FORM } from './branding.view';

/**
 * Multer's own refusals (file over the size limit, a second file, a wrong field) become a form
 * error on the logo field of the branding page, in Dutch, instead of a bare 413 or 400.
 */
@Catch(PayloadTooLargeException, BadRequestException)
export class LogoUploadErrorFilter implements ExceptionFilter {
  catch(exception: PayloadTooLargeException | BadRequestException, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const message =
      exception instanceof PayloadTooLargeException
        ? LOGO_MESSAGES.tooLarge
        : LOGO_MESSAGES.notReceived;
    const tenant = res.locals.tenant as Tenant;
    renderForm(req, res, BRANDING_FORM, { logo: message }, { values: brandingValues(tenant) });
  }
}
