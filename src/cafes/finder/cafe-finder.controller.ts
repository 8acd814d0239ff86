import { Controller, Get, Query, Render } from '@nestjs/common';
import { t } from '../../i18n/i18n';
import { CafeFinderService } from './cafe-finder.service';

/**
 * The Flanders-wide café finder on the platform site: `/mantelzorgcafes`, and `?q=` a
 * municipality, a town or a postcode. Public, read-only: a search is a GET, so a link to a
 * result can be shared and the back button works.
 */
@Controller('_platform/mantelzorgcafes')
export class CafeFinderController {
  constructor(private readonly finder: CafeFinderService) {}

  @Get()
  @Render('cafes/finder')
  async page(@Query('q') q: unknown) {
    const page = await this.finder.page(typeof q === 'string' ? q : undefined);
    const found = page.lookup?.kind === 'found' ? page.lookup.place : null;
    const error =
      page.lookup?.kind === 'unknown-postcode'
        ? t('cafes.finder.unknownPostcode', { postcode: page.lookup.postcode })
        : page.lookup?.kind === 'not-found'
          ? t('cafes.finder.notFound')
          : null;
    return {
      title: found
        ? t('cafes.finder.titleNear', { place: found.label })
        : page.query
          ? t('cafes.finder.titleSearch', { query: page.query })
          : t('cafes.finder.title'),
      ...page,
      found,
      options:
        page.lookup?.kind === 'choose'
          ? page.lookup.options.map((option) => ({
              label: option.label,
              href: `/mantelzorgcafes?q=${encodeURIComponent(option.query)}`,
            }))
          : null,
      errors: error ? { q: error } : undefined,
      errorList: error ? [{ field: 'q', message: error }] : undefined,
      requestUrl: page.noHubIn
        ? `/aanvragen?gemeente=${encodeURIComponent(page.noHubIn)}`
        : '/aanvragen',
    };
  }
}
