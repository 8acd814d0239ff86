import { asTenantId } from '../../../../src/database/tenant-id';
import { GENERAL_ARTICLES, localArticles } from '../../../../src/news/articles/article-scope';
import { ArticlesService } from '../../../../src/news/articles/articles.service';
import { articleFixtures, articleForm } from '../../news-articles';
import { PNG } from '../png';
import type { TenantIds } from '../../tenant-routes';
import type { TestManifest } from '../test-manifest';

const admin = 'tenant_admin' as const;
const platformAdmin = 'platform_admin' as const;
const DAY = 24 * 3600_000;

const article =
  (key: string, rest = '') =>
  (ids: TenantIds) =>
    `/beheer/nieuws/artikels/${ids[key]}${rest}`;

/** The seeded local article's form as stored (a save that changes nothing but the title's marker). */
const localForm = (ids: TenantIds) =>
  articleForm({ slug: ids.newsArticleEditSlug, publishDate: '', publishTime: '' });
const generalForm = (ids: TenantIds) =>
  articleForm({ title: 'Respijtzorg: even op adem komen', slug: ids.generalArticleSlug });
const ALT = { imageAlt: 'Vrijwilligers schenken koffie in het dienstencentrum' };

const GENERAL = 'a general article belongs to no municipality: every hub shows the same one';
const PLATFORM = `${GENERAL}; the platform host only`;

/**
 * The news's articles in the tests' registries (isolation, accessibility sweep, fuzz). Each
 * seeded municipality gets, through ArticlesService: a published local article with an image
 * (its title carries the marker), a draft to delete; and two general articles of its own slug
 * (global: shown on every hub, no marker), one with an image, one to delete.
 */
// prettier-ignore
export const NEWS_ARTICLES_TEST_PART: Partial<TestManifest> = {
  seeders: [
    async ({ t, tenant, tenantId, marker, members }) => {
      const articles = articleFixtures(t);
      const service = t.get(ArticlesService);
      const past = new Date(t.clock.now().getTime() - 2 * DAY);
      const author = members.tenant_admin.membership!.id;
      const local = await articles.local(tenantId, {
        title: `${marker} Nieuw seizoen van het mantelzorgcafé`,
        slug: `cafe-seizoen-${tenant.slug}`,
        summary: `Het café van ${tenant.name} begint weer (${marker}).`,
        publishAt: past,
      }, author);
      await service.setImage(localArticles(asTenantId(tenantId)), local.id, { contentType: 'image/png', content: PNG }, 'Koffie en taart op tafel');
      const toDelete = await articles.local(tenantId, {
        title: `${marker} Oude oproep`,
        slug: `oude-oproep-${tenant.slug}`,
        status: 'draft',
      }, author);
      const general = await articles.generalOnce({
        title: `Respijtzorg: even op adem komen (${tenant.slug})`,
        slug: `respijtzorg-${tenant.slug}`,
        publishAt: past,
      });
      await service.setImage(GENERAL_ARTICLES, general.id, { contentType: 'image/png', content: PNG }, 'Een bank in een tuin');
      const generalToDelete = await articles.generalOnce({
        title: `Vlaamse zorgverzekering: oud bericht (${tenant.slug})`,
        slug: `oud-bericht-${tenant.slug}`,
        status: 'archived',
      });
      return {
        newsArticleId: local.id,
        newsArticleEditSlug: local.slug,
        newsArticleToDeleteId: toDelete.id,
        generalArticleId: general.id,
        generalArticleSlug: general.slug,
        generalArticleToDeleteId: generalToDelete.id,
      };
    },
  ],
  tenantRoutes: [
    // the image while the article shows: anyone on its own hub; B's id on A's hub: 404
    { method: 'GET', path: (ids) => `/nieuws/beeld/${ids.newsArticleId}`, actor: 'anonymous' },
    { method: 'GET', path: article('newsArticleId'), actor: admin },
    { method: 'POST', path: article('newsArticleId'), actor: admin, body: localForm, expect: 303 },
    { method: 'POST', path: article('newsArticleId', '/beeld'), actor: admin, body: () => ALT, expect: 303 },
    { method: 'GET', path: article('newsArticleToDeleteId', '/verwijderen'), actor: admin },
    { method: 'POST', path: article('newsArticleId', '/beeld/verwijderen'), actor: admin, expect: 303 },
    { method: 'POST', path: article('newsArticleToDeleteId', '/verwijderen'), actor: admin, expect: 303 },
  ],
  notTenantRoutes: {
    'GET /nieuws/beeld/algemeen/:articleId': GENERAL,
    'GET /_platform/beheer/nieuws/artikels/:articleId': PLATFORM,
    'POST /_platform/beheer/nieuws/artikels/:articleId': PLATFORM,
    'GET /_platform/beheer/nieuws/artikels/:articleId/beeld': PLATFORM,
    'POST /_platform/beheer/nieuws/artikels/:articleId/beeld': PLATFORM,
    'POST /_platform/beheer/nieuws/artikels/:articleId/beeld/verwijderen': PLATFORM,
    'GET /_platform/beheer/nieuws/artikels/:articleId/verwijderen': PLATFORM,
    'POST /_platform/beheer/nieuws/artikels/:articleId/verwijderen': PLATFORM,
  },
  a11yPages: [
    { host: 'tenant', path: '/beheer/nieuws', viewer: admin },
    { host: 'tenant', path: '/beheer/nieuws', viewer: 'caregiver', status: 403 },
    { host: 'tenant', path: '/beheer/nieuws/artikels/nieuw', viewer: admin, submitEmpty: true },
    { host: 'tenant', path: article('newsArticleId'), viewer: admin, submitEmpty: true },
    { host: 'tenant', path: article('newsArticleToDeleteId', '/verwijderen'), viewer: admin },
    { host: 'platform', path: '/beheer/nieuws', viewer: platformAdmin },
    { host: 'platform', path: '/beheer/nieuws/artikels/nieuw', viewer: platformAdmin, submitEmpty: true },
    { host: 'platform', path: article('generalArticleId'), viewer: platformAdmin },
    { host: 'platform', path: article('generalArticleToDeleteId', '/verwijderen'), viewer: platformAdmin },
  ],
  notA11yPages: {
    'GET /nieuws/beeld/:articleId': "a local article's image (no page)",
    'GET /nieuws/beeld/algemeen/:articleId': "a general article's image (no page)",
    'GET /_platform/beheer/nieuws/artikels/:articleId/beeld': "a general article's image for the platform's admins (no page)",
  },
  postRoutes: {
    'POST /beheer/nieuws/artikels/nieuw': { actor: admin, path: () => '/beheer/nieuws/artikels/nieuw', body: () => articleForm({ title: 'Fuzzbericht', status: 'draft' }) },
    'POST /beheer/nieuws/artikels/:articleId': { actor: admin, path: article('newsArticleId'), body: localForm },
    'POST /beheer/nieuws/artikels/:articleId/beeld': { actor: admin, path: article('newsArticleId', '/beeld'), page: null, multipart: true, body: () => ALT },
    'POST /_platform/beheer/nieuws/artikels/nieuw': { actor: platformAdmin, path: () => '/beheer/nieuws/artikels/nieuw', body: () => articleForm({ title: 'Algemeen fuzzbericht', status: 'draft' }) },
    'POST /_platform/beheer/nieuws/artikels/:articleId': { actor: platformAdmin, path: article('generalArticleId'), body: generalForm },
    'POST /_platform/beheer/nieuws/artikels/:articleId/beeld': { actor: platformAdmin, path: article('generalArticleId', '/beeld'), page: null, multipart: true, body: () => ALT },
  },
  postRoutesLast: {
    'POST /beheer/nieuws/artikels/:articleId/beeld/verwijderen': { actor: admin, path: article('newsArticleId', '/beeld/verwijderen'), page: null },
    'POST /beheer/nieuws/artikels/:articleId/verwijderen': { actor: admin, path: article('newsArticleToDeleteId', '/verwijderen') },
    'POST /_platform/beheer/nieuws/artikels/:articleId/beeld/verwijderen': { actor: platformAdmin, path: article('generalArticleId', '/beeld/verwijderen'), page: null },
    'POST /_platform/beheer/nieuws/artikels/:articleId/verwijderen': { actor: platformAdmin, path: article('generalArticleToDeleteId', '/verwijderen') },
  },
};
