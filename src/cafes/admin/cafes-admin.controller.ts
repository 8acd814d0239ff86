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
  Query,
  Render,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../../auth/guards/auth.guards';
import { prepareImage, uploadRefusalMessage, type ImageUse } from '../../files/image-upload';
import { errorList } from '../../web/forms/form-validation';
import { lazyStrings, t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { renderForm } from '../../web/html-exception.filter';
import { ManageCafe } from '../hosting/cafe-access.guard';
import { cafeInputFromForm, formValues, planningOptions } from '../common/cafe-form';
import { CafesService } from '../cafes.service';
import { refusalErrors } from '../common/outcome';
import { AppointHostDto } from '../hosting/dto/appoint-host.dto';
import { HOST_DONE, HOST_REFUSALS } from '../hosting/host-outcomes';
import { HostsService } from '../hosting/hosts.service';
import { CAFE_DONE, CAFE_REFUSALS } from './cafe-outcomes';
import { CafesAdminService } from './cafes-admin.service';
import { CafeDto } from './dto/cafe.dto';
import { MAX_PHOTO_ALT, PhotoDto } from './dto/photo.dto';
import { validateBody } from '../../web/forms/validate-body';
import {
  CheckedFileInterceptor,
  RefusedInputException,
  refusedFields,
  ValidatesOwnForm,
  withoutControls,
} from '../../web/input-guard';

const FORM_VIEW = 'cafes/admin-form';
const HOSTS_VIEW = 'cafes/admin-hosts';

/** Members shown at most per search on the core-group page. */
export const HOST_SEARCH_LIMIT = 20;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export { MAX_PHOTO_ALT };

/** A café's photo: at most 5 MB uploaded, stored as a JPEG at most 1600×1200 without metadata. */
export const CAFE_PHOTO_USE: ImageUse = {
  maxBytes: MAX_PHOTO_BYTES,
  maxWidth: 1600,
  maxHeight: 1200,
  output: 'jpeg',
  messages: lazyStrings('cafes.photo.error', [
    'missing',
    'tooLarge',
    'wrongType',
    'unreadable',
    'notReceived',
  ]),
};

/** The café's edit page again, with errors on the photo form (the café form keeps its values). */
function renderPhotoErrors(req: Request, res: Response, errors: Record<string, string>): void {
  const { cafe } = req.cafeAccess!;
  const typed = (req.body as Record<string, unknown> | undefined)?.photoAlt;
  const values = {
    ...formValues(cafe),
    photoAlt: typeof typed === 'string' ? withoutControls(typed) : (cafe.photoAlt ?? ''),
  };
  renderForm(
    req,
    res,
    { view: FORM_VIEW, title: t('cafes.form.editTitle', { name: cafe.name }) },
    errors,
    { values, ...planningOptions(values) },
  );
}

/**
 * Multer's own refusals (a file over 5 MB, a second file, a wrong field) become an error on the
 * photo field of the café's page, in Dutch, instead of a bare 413 or 400. The café guard ran
 * before multer, so the café is known (another municipality's café was a 404 already).
 */
@Catch(PayloadTooLargeException, BadRequestException, RefusedInputException)
export class CafePhotoUploadErrorFilter implements ExceptionFilter {
  catch(
    exception: PayloadTooLargeException | BadRequestException | RefusedInputException,
    host: ArgumentsHost,
  ): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (!req.cafeAccess) throw new NotFoundException();
    // A text field the input guard refused (a control character in the description): at the field.
    if (exception instanceof RefusedInputException)
      return renderPhotoErrors(req, res, exception.refused.errors);
    renderPhotoErrors(req, res, {
      photo: uploadRefusalMessage(exception, CAFE_PHOTO_USE.messages),
    });
  }
}

/** /beheer/cafes: tenant admins create cafés, set their planning and appoint the core group. */
@Controller('beheer/cafes')
@RequireRole('tenant_admin')
export class CafesAdminController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cafes: CafesService,
    private readonly admin: CafesAdminService,
    private readonly coreGroup: HostsService,
  ) {}

  @Get()
  @Render('cafes/admin-list')
  async list() {
    const cafes = await this.cafes.listPage(this.ctx.tenantId);
    return { title: t('cafes.admin.title'), cafes };
  }

  @Get('nieuw')
  @FormPage()
  @Render(FORM_VIEW)
  newCafe() {
    const values = formValues(null);
    return { title: t('cafes.form.newTitle'), isNew: true, values, ...planningOptions(values) };
  }

  @Post('nieuw')
  @FormSubmit(FORM_VIEW, () => t('cafes.form.newTitle'))
  async create(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const form = { view: FORM_VIEW, title: t('cafes.form.newTitle') };
    const extra = { isNew: true, ...planningOptions(body) };
    const valid = await validateBody(CafeDto, body);
    if (!valid.ok) return renderForm(req, res, form, valid.errors, extra);
    const parsed = cafeInputFromForm(valid.dto);
    if (!parsed.ok) return renderForm(req, res, form, parsed.errors, extra);
    const created = await this.admin.create(this.ctx.tenantId, parsed.input);
    if (!created.ok) {
      const refusal = CAFE_REFUSALS[created.reason];
      return renderForm(req, res, form, refusalErrors(refusal), extra, refusal.status);
    }
    const { cafe } = created;
    req.session.flash = t(CAFE_DONE.created, { name: cafe.name });
    res.redirect(303, `/beheer/cafes/${cafe.slug}/kerngroep`);
  }

  @Get(':slug')
  @ManageCafe()
  @FormPage()
  @Render(FORM_VIEW)
  edit(@Req() req: Request) {
    const { cafe } = req.cafeAccess!;
    const values = { ...formValues(cafe), photoAlt: cafe.photoAlt ?? '' };
    return {
      title: t('cafes.form.editTitle', { name: cafe.name }),
      values,
      ...planningOptions(values),
    };
  }

  @Post(':slug')
  @ManageCafe()
  @FormSubmit(FORM_VIEW, 'Café aanpassen')
  async save(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { cafe } = req.cafeAccess!;
    const form = { view: FORM_VIEW, title: t('cafes.form.editTitle', { name: cafe.name }) };
    const extra = planningOptions(body);
    const valid = await validateBody(CafeDto, body);
    if (!valid.ok) return renderForm(req, res, form, valid.errors, extra);
    const parsed = cafeInputFromForm(valid.dto);
    if (!parsed.ok) return renderForm(req, res, form, parsed.errors, extra);
    const result = await this.admin.update(this.ctx.tenant, cafe.id, parsed.input);
    if (!result.ok && CAFE_REFUSALS[result.reason].status === 404) throw new NotFoundException();
    if (!result.ok) {
      const refusal = CAFE_REFUSALS[result.reason];
      return renderForm(req, res, form, refusalErrors(refusal), extra, refusal.status);
    }
    req.session.flash = t(CAFE_DONE.saved, { name: result.cafe.name });
    res.redirect(303, `/beheer/cafes/${result.cafe.slug}`);
  }

  @Get(':slug/kerngroep')
  @ManageCafe()
  @FormPage()
  @Render(HOSTS_VIEW)
  async hosts(@Req() req: Request, @Query('zoek') search: unknown) {
    return this.hostsView(req, search);
  }

  @Post(':slug/kerngroep')
  @ManageCafe()
  @ValidatesOwnForm()
  async addHost(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { cafe } = req.cafeAccess!;
    const valid = await validateBody(AppointHostDto, body);
    const result = valid.ok
      ? await this.coreGroup.appoint(this.ctx.tenantId, cafe.id, valid.dto.membershipId)
      : ({ ok: false, reason: 'no-member' } as const);
    if (!result.ok) {
      const view = await this.hostsView(req);
      const refusal = HOST_REFUSALS[result.reason];
      // Refused input (a control character, a field given twice) is shown at its field.
      return renderForm(
        req,
        res,
        { view: HOSTS_VIEW, title: view.title },
        refusedFields(body) ?? refusalErrors(refusal),
        view,
        refusal.status,
      );
    }
    req.session.flash = t(HOST_DONE.appointed, { name: result.name });
    res.redirect(303, `/beheer/cafes/${cafe.slug}/kerngroep`);
  }

  @Post(':slug/kerngroep/:hostId/verwijderen')
  @ManageCafe()
  async removeHost(
    @Param('hostId') hostId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { cafe } = req.cafeAccess!;
    const result = await this.coreGroup.dismiss(this.ctx.tenantId, cafe.id, hostId);
    if (!result.ok) throw new NotFoundException();
    req.session.flash = t(HOST_DONE.dismissed, { name: result.name });
    res.redirect(303, `/beheer/cafes/${cafe.slug}/kerngroep`);
  }

  /** Multipart: the CSRF token comes in the query string (the CSRF check runs before multer). */
  @Post(':slug/foto')
  @ManageCafe()
  @UseFilters(CafePhotoUploadErrorFilter)
  @UseInterceptors(
    CheckedFileInterceptor('photo', { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 5 } }),
  )
  async uploadPhoto(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { cafe } = req.cafeAccess!;
    const valid = await validateBody(PhotoDto, req.body);
    const errors: Record<string, string> = {};
    let photo: { contentType: string; content: Buffer } | null = null;
    if (file && file.size > 0) {
      const prepared = await prepareImage(file.buffer, CAFE_PHOTO_USE);
      if (prepared.ok) photo = prepared;
      else errors.photo = prepared.message;
    } else if (!cafe.photoFileId) {
      errors.photo = CAFE_PHOTO_USE.messages.missing;
    }
    if (!valid.ok) Object.assign(errors, valid.errors);
    if (!valid.ok || Object.keys(errors).length > 0) return renderPhotoErrors(req, res, errors);
    if (!(await this.admin.setPhoto(this.ctx.tenantId, cafe.id, photo, valid.dto.photoAlt)))
      return renderPhotoErrors(req, res, refusalErrors(CAFE_REFUSALS['no-photo']));
    req.session.flash = t(CAFE_DONE.photoSaved, { name: cafe.name });
    res.redirect(303, `/beheer/cafes/${cafe.slug}`);
  }

  @Post(':slug/foto/verwijderen')
  @ManageCafe()
  async removePhoto(@Req() req: Request, @Res() res: Response): Promise<void> {
    const { cafe } = req.cafeAccess!;
    if (await this.admin.removePhoto(this.ctx.tenantId, cafe.id))
      req.session.flash = t(CAFE_DONE.photoRemoved, { name: cafe.name });
    res.redirect(303, `/beheer/cafes/${cafe.slug}`);
  }

  /**
   * The core group and, when the admin searched (`?zoek=`, at least 2 characters), the members
   * whose name or e-mail address matches, without the current hosts: at most HOST_SEARCH_LIMIT.
   */
  private async hostsView(req: Request, search?: unknown) {
    const { cafe } = req.cafeAccess!;
    const searched = typeof search === 'string';
    const query = searched ? search.trim().replace(/\s+/g, ' ').slice(0, 100) : '';
    const valid = query.length >= 2;
    const { hosts, found } = await this.coreGroup.coreGroup(
      this.ctx.tenantId,
      cafe.id,
      valid ? query : null,
      HOST_SEARCH_LIMIT + 1,
    );
    const errors: Record<string, string> =
      searched && !valid ? { zoek: t('cafes.hosts.search.tooShort') } : {};
    return {
      title: t('cafes.hosts.title', { name: cafe.name }),
      hosts,
      query,
      searched: valid,
      results: found?.slice(0, HOST_SEARCH_LIMIT) ?? null,
      more: (found?.length ?? 0) > HOST_SEARCH_LIMIT,
      limit: HOST_SEARCH_LIMIT,
      ...(searched && !valid ? { errors, errorList: errorList(errors) } : {}),
    };
  }
}
