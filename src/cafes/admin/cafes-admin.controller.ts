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
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { renderForm } from '../../web/html-exception.filter';
import { ManageCafe } from '../hosting/cafe-access.guard';
import { cafeInputFromForm, formValues, planningOptions } from '../common/cafe-form';
import { CafesService } from '../cafes.service';
import { CafeDto } from './dto/cafe.dto';
import { validateBody } from '../../web/forms/validate-body';
import {
  CheckedFileInterceptor,
  RefusedInputException,
  refusedFields,
  ValidatesOwnForm,
  withoutControls,
} from '../../web/input-guard';
import { UUID } from '../../common/uuid';

const FORM_VIEW = 'cafes/admin-form';
const HOSTS_VIEW = 'cafes/admin-hosts';

/** Members shown at most per search on the core-group page. */
export const HOST_SEARCH_LIMIT = 20;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTO_ALT = 200;

/** A café's photo: at most 5 MB uploaded, stored as a JPEG at most 1600×1200 without metadata. */
export const CAFE_PHOTO_USE: ImageUse = {
  maxBytes: MAX_PHOTO_BYTES,
  maxWidth: 1600,
  maxHeight: 1200,
  output: 'jpeg',
  messages: {
    missing: t('cafes.photo.error.missing'),
    tooLarge: t('cafes.photo.error.tooLarge'),
    wrongType: t('cafes.photo.error.wrongType'),
    unreadable: t('cafes.photo.error.unreadable'),
    notReceived: t('cafes.photo.error.notReceived'),
  },
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
  ) {}

  @Get()
  @Render('cafes/admin-list')
  async list() {
    const tenantId = this.ctx.tenantId;
    const cafes = await this.cafes.run(tenantId, (em) => this.cafes.list(em, tenantId));
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
  @FormSubmit(FORM_VIEW, t('cafes.form.newTitle'))
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
    const cafe = await this.cafes.create(this.ctx.tenantId, parsed.input);
    if (!cafe) return renderForm(req, res, form, { slug: t('cafes.form.slugTaken') }, extra);
    req.session.flash = t('cafes.form.created', { name: cafe.name });
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
    const result = await this.cafes.update(this.ctx.tenant, cafe.id, parsed.input);
    if (!result.ok && result.reason === 'not-found') throw new NotFoundException();
    if (!result.ok) return renderForm(req, res, form, { slug: t('cafes.form.slugTaken') }, extra);
    req.session.flash = t('cafes.form.saved', { name: result.cafe.name });
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
    @Body('membershipId') membershipId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { cafe } = req.cafeAccess!;
    const tenantId = this.ctx.tenantId;
    const refused = refusedFields(req.body);
    const name = await this.cafes.run(tenantId, async (em) => {
      const member =
        !refused && typeof membershipId === 'string' && UUID.test(membershipId)
          ? await this.cafes.findMember(em, tenantId, membershipId)
          : null;
      if (!member) return null;
      await this.cafes.addHost(em, tenantId, cafe.id, member.id);
      return member.displayName;
    });
    if (!name) {
      const view = await this.hostsView(req);
      return renderForm(
        req,
        res,
        { view: HOSTS_VIEW, title: view.title },
        refused ?? { zoek: t('cafes.hosts.pick') },
        view,
      );
    }
    req.session.flash = t('cafes.hosts.added', { name });
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
    const tenantId = this.ctx.tenantId;
    const name = await this.cafes.run(tenantId, async (em) => {
      if (!UUID.test(hostId)) return null;
      const host = (await this.cafes.hosts(em, tenantId, cafe.id)).find((h) => h.id === hostId);
      if (!host) return null;
      await this.cafes.removeHost(em, tenantId, cafe.id, hostId);
      return host.displayName;
    });
    if (!name) throw new NotFoundException();
    req.session.flash = t('cafes.hosts.removed', { name });
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
    const typed = (req.body as Record<string, unknown> | undefined)?.photoAlt;
    const alt = typeof typed === 'string' ? typed.trim().replace(/\s+/g, ' ') : '';
    const errors: Record<string, string> = {};
    let photo: { contentType: string; content: Buffer } | null = null;
    if (file && file.size > 0) {
      const prepared = await prepareImage(file.buffer, CAFE_PHOTO_USE);
      if (prepared.ok) photo = prepared;
      else errors.photo = prepared.message;
    } else if (!cafe.photoFileId) {
      errors.photo = CAFE_PHOTO_USE.messages.missing;
    }
    if (!alt) errors.photoAlt = t('cafes.photo.error.altMissing');
    else if (alt.length > MAX_PHOTO_ALT) errors.photoAlt = t('cafes.photo.error.altTooLong');
    if (Object.keys(errors).length > 0) return renderPhotoErrors(req, res, errors);
    // Only the description, while another admin just removed the photo: ask for a photo.
    if (!(await this.cafes.setPhoto(this.ctx.tenantId, cafe.id, photo, alt)))
      return renderPhotoErrors(req, res, { photo: CAFE_PHOTO_USE.messages.missing });
    req.session.flash = t('cafes.photo.saved', { name: cafe.name });
    res.redirect(303, `/beheer/cafes/${cafe.slug}`);
  }

  @Post(':slug/foto/verwijderen')
  @ManageCafe()
  async removePhoto(@Req() req: Request, @Res() res: Response): Promise<void> {
    const { cafe } = req.cafeAccess!;
    if (await this.cafes.removePhoto(this.ctx.tenantId, cafe.id))
      req.session.flash = t('cafes.photo.removed', { name: cafe.name });
    res.redirect(303, `/beheer/cafes/${cafe.slug}`);
  }

  /**
   * The core group and, when the admin searched (`?zoek=`, at least 2 characters), the members
   * whose name or e-mail address matches, without the current hosts: at most HOST_SEARCH_LIMIT.
   */
  private async hostsView(req: Request, search?: unknown) {
    const { cafe } = req.cafeAccess!;
    const tenantId = this.ctx.tenantId;
    const searched = typeof search === 'string';
    const query = searched ? search.trim().replace(/\s+/g, ' ').slice(0, 100) : '';
    const valid = query.length >= 2;
    const { hosts, found } = await this.cafes.run(tenantId, async (em) => ({
      hosts: await this.cafes.hosts(em, tenantId, cafe.id),
      found: valid
        ? await this.cafes.searchHostCandidates(em, tenantId, cafe.id, query, HOST_SEARCH_LIMIT + 1)
        : null,
    }));
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
