import type { EntityManager, Repository } from 'typeorm';
import { PLATFORM_SCOPE, tenantScope, type EventScope } from '../../events/event-scope';
import type { TenantId } from '../../database/tenant-id';
import type { ArticleColumns } from '../common/entities/article-columns';
import { GeneralArticle } from '../common/entities/general-article.entity';
import { LocalArticle } from '../common/entities/local-article.entity';
import type { ArticleKind } from './article-image-url';

/**
 * Whose articles: one municipality's (news_articles, under RLS, image in its `files`) or the
 * platform's (general_articles, global, image in `platform_files`). The one difference between
 * the hub's and the platform's article pages; the form, its checks and the views are shared.
 * The same value as an event's scope (src/events/event-scope.ts), so ScopedTransactionService
 * opens the right transaction for it.
 */
export type ArticleScope = EventScope;
export const GENERAL_ARTICLES: ArticleScope = PLATFORM_SCOPE;
export const localArticles = (tenantId: TenantId): ArticleScope => tenantScope(tenantId);

export const kindOf = (scope: ArticleScope): ArticleKind =>
  scope.tenantId === null ? 'general' : 'local';

/** A stored article of either table. */
export type ArticleRow = ArticleColumns & { id: string };

/** The scope's table, as one repository type (the two share every column but the tenant's). */
export function articleRepo(em: EntityManager, scope: ArticleScope): Repository<ArticleRow> {
  return em.getRepository<ArticleRow>(scope.tenantId === null ? GeneralArticle : LocalArticle);
}

/** The scope's table name in SQL. */
export const articleTable = (scope: ArticleScope) =>
  scope.tenantId === null ? 'general_articles' : 'news_articles';

/** The key of one article in the scope's table. */
export function articleKey(scope: ArticleScope, id: string): Record<string, string> {
  return scope.tenantId === null ? { id } : { tenantId: scope.tenantId, id };
}

/** Only the scope's rows (a local table's every query names its tenant, beside RLS). */
export function inScope(scope: ArticleScope): Record<string, string> {
  return scope.tenantId === null ? {} : { tenantId: scope.tenantId };
}
