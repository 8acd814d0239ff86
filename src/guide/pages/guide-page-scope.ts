import type { EntityManager, Repository } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import { PLATFORM_SCOPE, tenantScope, type EventScope } from '../../events/event-scope';
import { GeneralGuidePage } from '../common/entities/general-guide-page.entity';
import type { GuidePageColumns } from '../common/entities/guide-page-columns';
import { LocalGuidePage } from '../common/entities/local-guide-page.entity';

/**
 * Whose guide pages: the platform's general ones (general_guide_pages, global, on every hub) or
 * one hub's own (guide_pages, under RLS). The only difference between the platform's and a hub's
 * page editor; the form, its checks and the views are shared. An event scope, so
 * ScopedTransactionService opens the right transaction for it.
 */
export type GuideScope = EventScope;
export const GENERAL_GUIDE: GuideScope = PLATFORM_SCOPE;
export const localGuide = (tenantId: TenantId): GuideScope => tenantScope(tenantId);

export const isGeneral = (scope: GuideScope) => scope.tenantId === null;

/** A stored page of either table (`showsPremium` only on a general page). */
export type GuidePageRow = GuidePageColumns & { id: string; showsPremium?: boolean };

export function guidePageRepo(em: EntityManager, scope: GuideScope): Repository<GuidePageRow> {
  return em.getRepository<GuidePageRow>(isGeneral(scope) ? GeneralGuidePage : LocalGuidePage);
}

/** Only the scope's rows (a hub's every query names its tenant, beside RLS). */
export function inGuideScope(scope: GuideScope): Record<string, string> {
  return scope.tenantId === null ? {} : { tenantId: scope.tenantId };
}

/** Where readers find a page: `/wegwijzer/<slug>` (general) or `/wegwijzer/lokaal/<slug>`. */
export const publicPagePath = (general: boolean, slug: string) =>
  general ? `/wegwijzer/${slug}` : `/wegwijzer/lokaal/${slug}`;
