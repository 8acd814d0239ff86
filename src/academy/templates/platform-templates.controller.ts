/// <reference types="multer" />
import {
  ArgumentsHost,
  BadRequestException,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Post,
  Render,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequirePlatformAdmin } from '../../auth/guards/auth.guards';
import { checkDocument, MAX_DOCUMENT_BYTES, sendPlatformFile } from '../../files/platform-files';
import { lazyStrings, t } from '../../i18n/i18n';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { generateCsrfToken } from '../../web/csrf';
import { errorList } from '../../web/forms/form-validation';
import { renderForm } from '../../web/html-exception.filter';
import {
  CheckedFileInterceptor,
  RefusedInputException,
  ValidatesOwnForm,
  withoutControls,
} from '../../web/input-guard';
import { validateBody } from '../../web/forms/validate-body';
import { MaterialDto } from './dto/template.dto';
import { audienceOptions } from '../../web/surfaces/audience-fields';
import { detailView, kindOptions, sessionRows, summaryLine } from './template-pages';
import {
  formValues,
  parseTemplateForm,
  rowsFromBody,
  rowsFromSessions,
  type SessionRow,
} from './template-form';
import { TEMPLATE_DONE, TEMPLATE_REFUSALS } from './template-outcomes';
import { TemplateOfUploadInterceptor } from './template-of-upload.interceptor';
import { TemplatesService, type TemplateDetail } from './templates.service';

const FORM_VIEW = 'platform/academy/form';
const BASE = '/beheer/academie';

/** The messages of a refused material file (Dutch). */
export const MATERIAL_MESSAGES = lazyStrings('academy.templates.material.error', [
  'missing',
  'tooLarge',
  'wrongType',
  'notReceived',
]);

/** The edit form's page: the template's fields, its programme rows, its materials. */
function formPage(
  detail: TemplateDetail | null,
  values: Record<string, unknown>,
  rows: SessionRow[],
) {
  return {
    title: detail
      ? t('academy.templates.form.editTitle', { title: detail.template.title })
      : t('academy.templates.form.newTitle'),
    isNew: !detail,
    template: detail ? detailView(detail, `${BASE}/${detail.template.slug}/materiaal`) : null,
    values,
    kinds: kindOptions(values),
    audiences: audienceOptions(values),
    rows: sessionRows(rows),
  };
}

/** The edit page again with errors on the material form (the template form shows the saved values). */
function renderMaterialErrors(
  req: Request,
  res: Response,
  detail: TemplateDetail,
  errors: Record<string, string>,
  status = 400,
): void {
  const typed = (req.body as Record<string, unknown> | undefined)?.materialTitle;
  const page = formPage(detail, formValues(detail.template), rowsFromSessions(detail.sessions));
  res.status(status).render(FORM_VIEW, {
    ...page,
    values: {
      ...page.values,
      materialTitle: typeof typed === 'string' ? withoutControls(typed) : '',
    },
    errors,
    errorList: errorList(errors),
    csrfToken: generateCsrfToken(req),
  });
}

/**
 * Multer's own refusals (a file over 10 MB, a second file, a wrong field) and refused text fields
 * become an error on the material form of the template's page, in Dutch, never a bare 413 or 400.
 */
@Catch(PayloadTooLargeException, BadRequestException, RefusedInputException)
export class MaterialUploadErrorFilter implements ExceptionFilter {
  catch(
    exception: PayloadTooLargeException | BadRequestException | RefusedInputException,
    host: ArgumentsHost,
  ): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const detail = req.academyTemplate;
    if (!detail) throw new NotFoundException();
    if (exception instanceof RefusedInputException)
      return renderMaterialErrors(req, res, detail, exception.refused.errors);
    renderMaterialErrors(
      req,
      res,
      detail,
      {
        file:
          exception instanceof PayloadTooLargeException
            ? MATERIAL_MESSAGES.tooLarge
            : MATERIAL_MESSAGES.notReceived,
      },
      exception instanceof PayloadTooLargeException ? 413 : 400,
    );
  }
}

/**
 * The catalogue of templates on the platform host (/beheer/academie): platform admins create and
 * edit templates with their programme, archive and reactivate them, and keep their materials.
 */
@Controller('_platform/beheer/academie')
@RequirePlatformAdmin()
export class PlatformTemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  private async find(slug: string): Promise<TemplateDetail> {
    const detail = await this.templates.findBySlug(slug);
    if (!detail) throw new NotFoundException();
    return detail;
  }

  @Get()
  @Render('platform/academy/list')
  async list() {
    const summaries = await this.templates.summaries(false);
    return { title: t('academy.templates.platform.title'), templates: summaries.map(summaryLine) };
  }

  @Get('nieuw')
  @FormPage()
  @Render(FORM_VIEW)
  newTemplate() {
    return formPage(null, formValues(null), rowsFromSessions([]));
  }

  @Post('nieuw')
  @FormSubmit(FORM_VIEW, () => t('academy.templates.form.newTitle'))
  @ValidatesOwnForm()
  async create(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const parsed = await parseTemplateForm(body);
    const again = (errors: Record<string, string>, status = 400) => {
      const { values: _typed, ...page } = formPage(null, body, rowsFromBody(body));
      renderForm(req, res, { view: FORM_VIEW, title: page.title }, errors, page, status);
    };
    if (!parsed.ok) return again(parsed.errors);
    const created = await this.templates.create(parsed.input);
    if (!created.ok) {
      const refusal = TEMPLATE_REFUSALS[created.reason];
      return again({ [refusal.field ?? '']: t(refusal.key ?? '') }, refusal.status);
    }
    req.session.flash = t(TEMPLATE_DONE.created, { title: created.template.title });
    res.redirect(303, `${BASE}/${created.template.slug}`);
  }

  @Get(':templateSlug')
  @FormPage()
  @Render(FORM_VIEW)
  async edit(@Param('templateSlug') slug: string) {
    const detail = await this.find(slug);
    return formPage(detail, formValues(detail.template), rowsFromSessions(detail.sessions));
  }

  @Post(':templateSlug')
  @FormSubmit(FORM_VIEW, () => t('academy.templates.form.editTitle', { title: '' }))
  @ValidatesOwnForm()
  async save(
    @Param('templateSlug') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const detail = await this.find(slug);
    const parsed = await parseTemplateForm(body);
    const again = (errors: Record<string, string>, status = 400) => {
      const { values: _typed, ...page } = formPage(detail, body, rowsFromBody(body));
      renderForm(req, res, { view: FORM_VIEW, title: page.title }, errors, page, status);
    };
    if (!parsed.ok) return again(parsed.errors);
    const saved = await this.templates.update(detail.template.id, parsed.input);
    if (!saved.ok && saved.reason === 'not-found') throw new NotFoundException();
    if (!saved.ok) {
      const refusal = TEMPLATE_REFUSALS[saved.reason];
      return again({ [refusal.field ?? '']: t(refusal.key ?? '') }, refusal.status);
    }
    req.session.flash = t(TEMPLATE_DONE.saved, { title: saved.template.title });
    res.redirect(303, `${BASE}/${saved.template.slug}`);
  }

  @Post(':templateSlug/archiveren')
  async archive(@Param('templateSlug') slug: string, @Req() req: Request, @Res() res: Response) {
    return this.setStatus(slug, 'archived', req, res);
  }

  @Post(':templateSlug/heractiveren')
  async reactivate(@Param('templateSlug') slug: string, @Req() req: Request, @Res() res: Response) {
    return this.setStatus(slug, 'active', req, res);
  }

  private async setStatus(
    slug: string,
    status: 'active' | 'archived',
    req: Request,
    res: Response,
  ): Promise<void> {
    const detail = await this.find(slug);
    const template = await this.templates.setStatus(detail.template.id, status);
    if (!template) throw new NotFoundException();
    req.session.flash = t(
      status === 'archived' ? TEMPLATE_DONE.archived : TEMPLATE_DONE.reactivated,
      {
        title: template.title,
      },
    );
    res.redirect(303, `${BASE}/${template.slug}`);
  }

  /** Multipart: the CSRF token comes in the query string (the CSRF check runs before multer). */
  @Post(':templateSlug/materiaal')
  @UseFilters(MaterialUploadErrorFilter)
  @UseInterceptors(
    TemplateOfUploadInterceptor,
    CheckedFileInterceptor('file', {
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 },
    }),
  )
  async upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const detail = req.academyTemplate!;
    const valid = await validateBody(MaterialDto, req.body);
    const errors: Record<string, string> = valid.ok ? {} : { ...valid.errors };
    const checked = await checkDocument(file?.buffer ?? Buffer.alloc(0), MATERIAL_MESSAGES);
    if (!checked.ok) errors.file = checked.message;
    if (!valid.ok || !checked.ok) return renderMaterialErrors(req, res, detail, errors);
    const material = await this.templates.addMaterial(detail.template.id, valid.dto.materialTitle, {
      contentType: checked.contentType,
      content: file!.buffer,
      extension: checked.extension,
      originalName: file!.originalname,
    });
    if (!material) throw new NotFoundException();
    req.session.flash = t(TEMPLATE_DONE.materialAdded, { title: material.title });
    res.redirect(303, `${BASE}/${detail.template.slug}#materiaal`);
  }

  @Get(':templateSlug/materiaal/:materialId')
  async download(
    @Param('templateSlug') slug: string,
    @Param('materialId') materialId: string,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.templates.material(slug, materialId, false);
    if (!found) throw new NotFoundException();
    sendPlatformFile(res, found.file, found.material.filename);
  }

  @Post(':templateSlug/materiaal/:materialId/verwijderen')
  async removeMaterial(
    @Param('templateSlug') slug: string,
    @Param('materialId') materialId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const detail = await this.find(slug);
    const material = detail.materials.find((m) => m.id === materialId);
    if (!material || !(await this.templates.removeMaterial(detail.template.id, materialId)))
      throw new NotFoundException();
    req.session.flash = t(TEMPLATE_DONE.materialRemoved, { title: material.title });
    res.redirect(303, `${BASE}/${detail.template.slug}#materiaal`);
  }
}
