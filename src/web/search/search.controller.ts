import { Controller, Get, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { DateTime } from 'luxon';
import { LOCAL_ZONE } from '../../common/dates';
import { RequestContext } from '../../tenancy/request-context';
import { pageNumber } from '../page-number';
import { viewerOf } from '../surfaces/viewer';
import { groupHits, PAGE_SIZE, SearchService } from './search.service';

/**
 * `/zoeken?q=`: everything of the hub (and the general content) a person may see, in one list
 * grouped by kind. A search that finds nothing still helps: "bedoelde je ...?", the next café
 * meeting, and how to reach the social services.
 */
@Controller()
export class SearchController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly search: SearchService,
  ) {}

  @Get('zoeken')
  @Render('search/search')
  async page(@Req() req: Request, @Query('q') q: unknown, @Query('pagina') pagina: unknown) {
    const tenant = this.ctx.tenant;
    const viewer = viewerOf(req.membership);
    const result = await this.search.search(tenant, viewer, q, pageNumber(pagina));
    const { query, total, page } = result;
    const asked = query.text !== '';
    const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const href = (n: number) => `/zoeken?q=${encodeURIComponent(query.text)}&pagina=${n}`;
    const meeting = asked && total === 0 ? await this.search.nextMeeting(tenant, viewer) : null;
    return {
      title: asked ? `Zoeken: ${query.text}` : 'Zoeken',
      searchQuery: query.text,
      asked,
      total,
      summary:
        total === 1
          ? '1 resultaat'
          : `${total} resultaten${lastPage > 1 ? `, pagina ${page} van ${lastPage}` : ''}`,
      groups: groupHits(result.hits),
      previous: page > 1 ? href(page - 1) : null,
      next: page < lastPage ? href(page + 1) : null,
      suggestion: result.suggestion
        ? { text: result.suggestion, href: `/zoeken?q=${encodeURIComponent(result.suggestion)}` }
        : null,
      meeting: meeting && {
        title: meeting.title,
        url: meeting.url,
        when: DateTime.fromJSDate(meeting.startsAt, { zone: LOCAL_ZONE })
          .setLocale('nl-BE')
          .toFormat("cccc d MMMM 'om' HH.mm 'uur'"),
      },
      contact: {
        name: tenant.name,
        email: tenant.contactEmail,
        phone: tenant.contactPhone,
        address: tenant.contactAddress,
      },
    };
  }
}
