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
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../../auth/guards/auth.guards';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { validateBody } from '../../web/forms/validate-body';
import { renderForm } from '../../web/html-exception.filter';
import { ValidatesOwnForm } from '../../web/input-guard';
import type { CareOrganisation } from '../common/entities/care-organisation.entity';
import {
  ORGANISATION_FIELDS,
  OrganisationDto,
  type OrganisationInput,
} from './dto/organisation.dto';
import { OrganisationEditorsService } from './organisation-editors.service';
import { kindOptions, organisationValues, ORGS_PUBLIC } from './organisation-pages';
import { OrganisationsService } from './organisations.service';

const FORM_VIEW = 'guide/organisations/admin-form';

/**
 * A professional linked to an organisation proposes a change to its entry at
 * `/hulp-in-de-buurt/<id>/voorstel` (the admins' form and rules); an admin approves it
 * (/beheer/hulp-in-de-buurt/wijzigingen). Anyone else signed in with a staff role, another
 * organisation's editor or an admin (who edits directly) included, gets a 404.
 */
@Controller('hulp-in-de-buurt')
@RequireRole('professional', 'tenant_admin')
export class OrganisationProposalsController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly organisations: OrganisationsService,
    private readonly editors: OrganisationEditorsService,
  ) {}

  @Get(':id/voorstel')
  @FormPage()
  @Render(FORM_VIEW)
  async proposalPage(@Param('id') id: string, @Req() req: Request) {
    const organisation = await this.editable(id, req);
    return this.page(organisation, organisationValues(organisation));
  }

  @Post(':id/voorstel')
  @FormSubmit(FORM_VIEW, () => t('guide.orgs.proposal.titleShort'))
  @ValidatesOwnForm()
  async propose(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const organisation = await this.editable(id, req);
    const valid = await validateBody(OrganisationDto, body);
    if (!valid.ok) {
      const { values: _typed, ...extra } = this.page(organisation, body);
      return renderForm(req, res, { view: FORM_VIEW, title: extra.title }, valid.errors, extra);
    }
    const proposed = Object.fromEntries(
      ORGANISATION_FIELDS.map((f) => [f, valid.dto[f]]),
    ) as OrganisationInput;
    await this.editors.propose(this.ctx.tenantId, organisation, req.membership!.id, proposed);
    req.session.flash = t('guide.orgs.proposal.done', { name: organisation.name });
    res.redirect(303, `${ORGS_PUBLIC}/${organisation.id}`);
  }

  /** The organisation, when this professional is one of its editors; else a 404. */
  private async editable(id: string, req: Request): Promise<CareOrganisation> {
    const organisation = await this.organisations.find(this.ctx.tenantId, id);
    const member = req.membership;
    if (!organisation || !member) throw new NotFoundException();
    if (!(await this.editors.isEditor(this.ctx.tenantId, organisation.id, member.id)))
      throw new NotFoundException();
    return organisation;
  }

  private page(organisation: CareOrganisation, values: Record<string, unknown>) {
    return {
      title: t('guide.orgs.proposal.title', { name: organisation.name }),
      base: `${ORGS_PUBLIC}/${organisation.id}`,
      backLabel: t('guide.orgs.proposal.back'),
      lead: t('guide.orgs.proposal.lead'),
      action: `${ORGS_PUBLIC}/${organisation.id}/voorstel`,
      isNew: false,
      submitLabel: t('guide.orgs.proposal.send'),
      deleteHref: null,
      values,
      kinds: kindOptions(values.kind),
    };
  }
}
