import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  NotFoundException,
} from '@nestjs/common';
import type { Request } from 'express';
import { from, switchMap } from 'rxjs';
import { TemplatesService, type TemplateDetail } from './templates.service';

declare module 'express-serve-static-core' {
  interface Request {
    /** The template of a material upload, found before multer reads the body. */
    academyTemplate?: TemplateDetail;
  }
}

/**
 * Before multer reads a material upload: finds the template of `:templateSlug` (404 when there is
 * none, before any byte is read), so a refused upload can show the template's page again.
 */
@Injectable()
export class TemplateOfUploadInterceptor implements NestInterceptor {
  constructor(private readonly templates: TemplatesService) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const req = context.switchToHttp().getRequest<Request>();
    const slug = String(req.params.templateSlug ?? '');
    return from(this.templates.findBySlug(slug)).pipe(
      switchMap((detail) => {
        if (!detail) throw new NotFoundException();
        req.academyTemplate = detail;
        return next.handle();
      }),
    );
  }
}
