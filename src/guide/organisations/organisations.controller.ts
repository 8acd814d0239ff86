import { Controller, Get, NotFoundException, Param, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import {
  isOrganisationKind,
  ORGANISATION_KINDS,
  organisationKindLabel,
} from '../common/organisation-kinds';
import { ORGS_PUBLIC, organisationView } from './organisation-pages';
import { OrganisationEditorsService } from './organisation-editors.service';
import { OrganisationsService } from './organisations.service';

/**
 * The directory as readers see it on a hub: `/hulp-in-de-buurt` (all, by name, or one kind with
 * `?soort=`) and `/hulp-in-de-buurt/<id>`. Public pages.
 */
@Controller('hulp-in-de-buurt')
export class OrganisationsController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly organisations: OrganisationsService,
    private readonly editors: OrganisationEditorsService,
  ) {}

  @Get()
  @Render('guide/organisations/list')
  async list(@Query('soort') soort: unknown) {
    const kind = isOrganisationKind(soort) ? soort : null;
    const rows = await this.organisations.list(this.ctx.tenantId, kind);
    return {
      title: kind
        ? t('guide.orgs.list.titleKind', { kind: organisationKindLabel(kind) })
        : t('guide.orgs.list.title'),
      hub: this.ctx.tenant.name,
      organisations: rows.map(organisationView),
      filters: [
        { label: t('guide.orgs.list.all'), href: ORGS_PUBLIC, current: kind === null },
        ...ORGANISATION_KINDS.map((k) => ({
          label: k.label,
          href: `${ORGS_PUBLIC}?soort=${k.key}`,
          current: k.key === kind,
        })),
      ],
      filtered: kind !== null,
    };
  }

  @Get(':id')
  @Render('guide/organisations/organisation')
  async organisation(@Param('id') id: string, @Req() req: Request) {
    const organisation = await this.organisations.find(this.ctx.tenantId, id);
    if (!organisation) throw new NotFoundException();
    // A professional who keeps this entry up to date gets the link to propose a change.
    const member = req.membership;
    const canPropose =
      member?.role === 'professional' &&
      (await this.editors.isEditor(this.ctx.tenantId, organisation.id, member.id));
    return {
      title: organisation.name,
      organisation: organisationView(organisation),
      proposeHref: canPropose ? `${ORGS_PUBLIC}/${organisation.id}/voorstel` : null,
    };
  }
}
