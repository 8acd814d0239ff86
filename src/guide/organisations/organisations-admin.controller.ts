/// <reference types="multer" />
import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Render,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../../auth/guards/auth.guards';
import { toCsv } from '../../common/csv';
import { t } from '../../i18n/i18n';
import { generateCsrfToken } from '../../web/csrf';
import { RequestContext } from '../../tenancy/request-context';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { validateBody } from '../../web/forms/validate-body';
import { renderForm } from '../../web/html-exception.filter';
import { CheckedFileInterceptor, ValidatesOwnForm } from '../../web/input-guard';
import { organisationKindLabel } from '../common/organisation-kinds';
import {
  ORGANISATION_FIELDS,
  OrganisationDto,
  type OrganisationInput,
} from './dto/organisation.dto';
import {
  CSV_HEADERS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  parseOrganisationCsv,
} from './organisation-csv';
import { OrganisationEditorsService } from './organisation-editors.service';
import { OrganisationImportService } from './organisation-import.service';
import {
  kindOptions,
  nameTakenError,
  organisationValues,
  organisationView,
  orgAdminPath,
  ORGS_ADMIN,
} from './organisation-pages';
import {
  IMPORT_VIEW,
  OrganisationUploadFilter,
  renderImportError,
} from './organisation-upload.filter';
import { OrganisationsService } from './organisations.service';

const FORM_VIEW = 'guide/organisations/admin-form';

/**
 * The hub's admins keep the directory at /beheer/hulp-in-de-buurt: add, change and remove an
 * organisation with one form, import many from a CSV file (checked whole, shown with the errors
 * per row, stored only after "Bevestigen", all or nothing) and export them all as CSV; link
 * professionals to an organisation and approve or refuse the changes they propose.
 */
@Controller('beheer/hulp-in-de-buurt')
@RequireRole('tenant_admin')
export class OrganisationsAdminController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly organisations: OrganisationsService,
    private readonly imports: OrganisationImportService,
    private readonly editors: OrganisationEditorsService,
  ) {}

  @Get()
  @Render('guide/organisations/admin-list')
  async list() {
    const rows = await this.organisations.list(this.ctx.tenantId);
    const pending = await this.editors.pending(this.ctx.tenantId);
    return {
      title: t('guide.orgs.admin.title', { hub: this.ctx.tenant.name }),
      base: ORGS_ADMIN,
      organisations: rows.map(organisationView),
      pendingCount: pending.length,
    };
  }

  @Get('nieuw')
  @FormPage()
  @Render(FORM_VIEW)
  newOrganisation() {
    return this.formPage(null, organisationValues(null));
  }

  @Post('nieuw')
  @FormSubmit(FORM_VIEW, () => t('guide.orgs.form.newTitle'))
  @ValidatesOwnForm()
  async create(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const valid = await validateBody(OrganisationDto, body);
    if (!valid.ok) return this.renderAgain(req, res, null, body, valid.errors);
    const saved = await this.organisations.create(this.ctx.tenantId, inputOf(valid.dto));
    if (!saved.ok) return this.renderAgain(req, res, null, body, nameTakenError());
    req.session.flash = t('guide.orgs.done.created', { name: saved.organisation.name });
    res.redirect(303, ORGS_ADMIN);
  }

  @Get('importeren')
  @FormPage()
  @Render(IMPORT_VIEW)
  importPage() {
    return { title: t('guide.orgs.import.title'), maxRows: MAX_IMPORT_ROWS };
  }

  /** Multipart: the CSRF token comes in the query string (the CSRF check runs before multer). */
  @Post('importeren')
  @UseFilters(OrganisationUploadFilter)
  @UseInterceptors(
    CheckedFileInterceptor('bestand', {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2 },
    }),
  )
  async upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!file || file.size === 0)
      return renderImportError(req, res, t('guide.orgs.import.error.missing'));
    const tenantId = this.ctx.tenantId;
    const parsed = await parseOrganisationCsv(file.buffer, (names) =>
      this.organisations.existingNames(tenantId, names),
    );
    if (!parsed.ok && 'fileError' in parsed) return renderImportError(req, res, parsed.fileError);
    if (!parsed.ok) {
      res.status(400).render(IMPORT_VIEW, {
        title: t('guide.orgs.import.title'),
        problems: parsed.problems,
        problemCount: t('guide.orgs.import.problemCount', {
          n: parsed.problems.length,
          rows: parsed.rowCount,
        }),
        maxRows: MAX_IMPORT_ROWS,
        csrfToken: generateCsrfToken(req),
      });
      return;
    }
    const id = await this.imports.put(tenantId, parsed.rows);
    res.status(200).render(IMPORT_VIEW, {
      title: t('guide.orgs.import.title'),
      preview: {
        id,
        count: t('guide.orgs.import.ready', { n: parsed.rows.length }),
        rows: parsed.rows
          .slice(0, 50)
          .map((r) => ({ ...r, kindLabel: organisationKindLabel(r.kind as never) })),
        more:
          parsed.rows.length > 50
            ? t('guide.orgs.import.more', { n: parsed.rows.length - 50 })
            : null,
      },
      maxRows: MAX_IMPORT_ROWS,
      csrfToken: generateCsrfToken(req),
    });
  }

  @Post('importeren/bevestigen')
  async confirmImport(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const tenantId = this.ctx.tenantId;
    const id = typeof body.import === 'string' ? body.import : '';
    const rows = await this.imports.take(tenantId, id);
    // Gone (after 30 minutes, confirmed already, or another hub's): choose the file again.
    if (!rows) return renderImportError(req, res, t('guide.orgs.import.error.expired'), 410);
    const result = await this.organisations.importAll(tenantId, rows);
    if (!result.ok)
      return renderImportError(
        req,
        res,
        t('guide.orgs.import.error.takenMeanwhile', {
          names: result.taken.map((n) => `"${n}"`).join(', '),
        }),
      );
    req.session.flash = t('guide.orgs.import.done', { n: result.created });
    res.redirect(303, ORGS_ADMIN);
  }

  /** Every organisation as a CSV file for Excel (BOM, `;`, formula cells neutralised). */
  @Get('exporteren')
  async export(@Res() res: Response): Promise<void> {
    const rows = await this.organisations.list(this.ctx.tenantId);
    const csv = toCsv([
      ORGANISATION_FIELDS.map((f) => CSV_HEADERS[f]),
      ...rows.map((o) =>
        ORGANISATION_FIELDS.map((f) => (f === 'kind' ? organisationKindLabel(o.kind) : o[f])),
      ),
    ]);
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="hulp-in-de-buurt-${this.ctx.tenant.slug}.csv"`,
      'Cache-Control': 'private, no-store',
    });
    res.send(csv);
  }

  /** The changes linked professionals proposed, with what each changes. */
  @Get('wijzigingen')
  @FormPage()
  @Render('guide/organisations/changes')
  async changes() {
    const pending = await this.editors.pending(this.ctx.tenantId);
    return {
      title: t('guide.orgs.changes.title'),
      base: ORGS_ADMIN,
      changes: pending.map((c) => ({
        ...c,
        by: c.proposedBy ?? t('guide.orgs.changes.formerMember'),
        fields: c.fields.map((f) => ({
          ...f,
          label: t(`guide.orgs.field.${f.field}`),
          before: f.field === 'kind' ? organisationKindLabel(f.before as never) : f.before,
          after: f.field === 'kind' ? organisationKindLabel(f.after as never) : f.after,
        })),
        approveAction: `${ORGS_ADMIN}/wijzigingen/${c.id}/goedkeuren`,
        rejectAction: `${ORGS_ADMIN}/wijzigingen/${c.id}/afwijzen`,
      })),
    };
  }

  @Post('wijzigingen/:changeId/goedkeuren')
  approve(@Param('changeId') id: string, @Req() req: Request, @Res() res: Response) {
    return this.decide(id, true, req, res);
  }

  @Post('wijzigingen/:changeId/afwijzen')
  reject(@Param('changeId') id: string, @Req() req: Request, @Res() res: Response) {
    return this.decide(id, false, req, res);
  }

  @Get(':id')
  @FormPage()
  @Render(FORM_VIEW)
  async edit(@Param('id') id: string) {
    const organisation = await this.find(id);
    return {
      ...this.formPage(organisation, organisationValues(organisation)),
      editors: await this.editorsSection(organisation.id),
    };
  }

  @Post(':id')
  @FormSubmit(FORM_VIEW, () => t('guide.orgs.form.editTitleShort'))
  @ValidatesOwnForm()
  async save(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const organisation = await this.find(id);
    const valid = await validateBody(OrganisationDto, body);
    if (!valid.ok)
      return this.renderAgain(
        req,
        res,
        organisation,
        body,
        valid.errors,
        await this.editorsSection(organisation.id),
      );
    const saved = await this.organisations.update(this.ctx.tenantId, id, inputOf(valid.dto));
    if (!saved.ok && saved.reason === 'not-found') throw new NotFoundException();
    if (!saved.ok)
      return this.renderAgain(
        req,
        res,
        organisation,
        body,
        nameTakenError(),
        await this.editorsSection(organisation.id),
      );
    req.session.flash = t('guide.orgs.done.saved', { name: saved.organisation.name });
    res.redirect(303, ORGS_ADMIN);
  }

  /** Links a professional of the hub, who may then propose changes to this entry. */
  @Post(':id/medewerkers')
  async link(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const organisation = await this.find(id);
    const membershipId = typeof body.membershipId === 'string' ? body.membershipId : '';
    if (!(await this.editors.link(this.ctx.tenantId, organisation.id, membershipId)))
      throw new NotFoundException();
    req.session.flash = t('guide.orgs.editors.linked', { name: organisation.name });
    res.redirect(303, `${orgAdminPath(organisation.id)}#medewerkers`);
  }

  @Post(':id/medewerkers/:membershipId/verwijderen')
  async unlink(
    @Param('id') id: string,
    @Param('membershipId') membershipId: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const organisation = await this.find(id);
    if (!(await this.editors.unlink(this.ctx.tenantId, organisation.id, membershipId)))
      throw new NotFoundException();
    req.session.flash = t('guide.orgs.editors.unlinked', { name: organisation.name });
    res.redirect(303, `${orgAdminPath(organisation.id)}#medewerkers`);
  }

  @Get(':id/verwijderen')
  @FormPage()
  @Render('guide/organisations/admin-delete')
  async confirmDelete(@Param('id') id: string) {
    const organisation = await this.find(id);
    return {
      title: t('guide.orgs.delete.title', { name: organisation.name }),
      organisation: { name: organisation.name, href: orgAdminPath(organisation.id) },
    };
  }

  @Post(':id/verwijderen')
  async remove(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    const removed = await this.organisations.remove(this.ctx.tenantId, id);
    if (!removed) throw new NotFoundException();
    req.session.flash = t('guide.orgs.done.deleted', { name: removed.name });
    res.redirect(303, ORGS_ADMIN);
  }

  private async decide(id: string, approve: boolean, req: Request, res: Response) {
    const result = await this.editors.decide(
      this.ctx.tenantId,
      id,
      approve,
      req.membership?.id ?? null,
    );
    if (result === 'not-found') throw new NotFoundException();
    req.session.flash = t(
      `guide.orgs.changes.done.${result === 'name-taken' ? 'nameTaken' : result}`,
    );
    res.redirect(303, `${ORGS_ADMIN}/wijzigingen`);
  }

  /** The linked professionals and whom the admin could link, for the edit page. */
  private async editorsSection(organisationId: string) {
    const { editors, candidates } = await this.editors.editors(this.ctx.tenantId, organisationId);
    return { linked: editors, candidates, action: orgAdminPath(organisationId, '/medewerkers') };
  }

  private async find(id: string) {
    const organisation = await this.organisations.find(this.ctx.tenantId, id);
    if (!organisation) throw new NotFoundException();
    return organisation;
  }

  private formPage(
    organisation: { id: string; name: string } | null,
    values: Record<string, unknown>,
  ) {
    return {
      title: organisation
        ? t('guide.orgs.form.editTitle', { name: organisation.name })
        : t('guide.orgs.form.newTitle'),
      base: ORGS_ADMIN,
      action: organisation ? orgAdminPath(organisation.id) : `${ORGS_ADMIN}/nieuw`,
      isNew: organisation === null,
      deleteHref: organisation ? orgAdminPath(organisation.id, '/verwijderen') : null,
      values,
      kinds: kindOptions(values.kind),
    };
  }

  private renderAgain(
    req: Request,
    res: Response,
    organisation: { id: string; name: string } | null,
    body: Record<string, unknown>,
    errors: Record<string, string>,
    editors: Awaited<ReturnType<OrganisationsAdminController['editorsSection']>> | null = null,
  ) {
    const { values: _typed, ...extra } = this.formPage(organisation, body);
    renderForm(req, res, { view: FORM_VIEW, title: extra.title }, errors, { ...extra, editors });
  }
}

/** The validated form as the service's input. */
const inputOf = (dto: OrganisationDto): OrganisationInput =>
  Object.fromEntries(ORGANISATION_FIELDS.map((f) => [f, dto[f]])) as OrganisationInput;
