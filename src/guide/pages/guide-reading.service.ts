import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { formatEuros } from '../../common/money';
import { AppConfig } from '../../config/app-config';
import { asTenantId, type TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { t } from '../../i18n/i18n';
import type { Tenant } from '../../tenancy/entities/tenant.entity';
import { AnonymousForms } from '../../web/anonymous/anonymous-forms';
import { renderMarkdown } from '../../web/content/markdown';
import { CaregiverPremium } from '../common/entities/caregiver-premium.entity';
import { GeneralGuidePage } from '../common/entities/general-guide-page.entity';
import { GuideLocalPart } from '../common/entities/guide-local-part.entity';
import { LocalGuidePage } from '../common/entities/local-guide-page.entity';
import {
  GUIDE_THEMES,
  guideThemeLabel,
  isGuideTheme,
  type GuideTheme,
} from '../common/guide-themes';
import { feedbackAction, FEEDBACK_PURPOSE, feedbackSubject } from './guide-feedback';
import { publicPagePath, type GuidePageRow } from './guide-page-scope';
import type { GuidePageKind } from './guide-votes.service';

/** A page in a list: its question, its one-line answer and where it is. */
export interface ListedGuidePage {
  title: string;
  answer: string;
  href: string;
}

const LISTED = { id: true, slug: true, title: true, answer: true, theme: true } as const;

const listed = (general: boolean) => (p: Pick<GuidePageRow, 'slug' | 'title' | 'answer'>) => ({
  title: p.title,
  answer: p.answer,
  href: publicPagePath(general, p.slug),
});

const byTitle = (a: { title: string }, b: { title: string }) =>
  a.title.localeCompare(b.title, 'nl');

/**
 * The guide as readers see it on a hub, one tenant transaction per page: the general pages
 * (global) beside the hub's own pages, its local part and its premium (under RLS). Only published
 * pages show; nothing depends on who reads.
 */
@Injectable()
export class GuideReadingService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly config: AppConfig,
    private readonly anonymous: AnonymousForms,
  ) {}

  /** /wegwijzer: every theme that has pages, with its questions. */
  index(tenant: Tenant) {
    return this.tx.run(asTenantId(tenant.id), async (em) => {
      const pages = await this.publishedPages(em, asTenantId(tenant.id), null);
      const themes = GUIDE_THEMES.map((theme) => ({
        slug: theme.slug,
        label: theme.label,
        href: `/wegwijzer/thema/${theme.slug}`,
        pages: pages.filter((p) => p.theme === theme.slug).map(({ theme: _t, ...p }) => p),
      })).filter((theme) => theme.pages.length > 0);
      return { title: t('guide.read.index.title'), hub: tenant.name, themes };
    });
  }

  /** /wegwijzer/thema/<slug>: one theme's questions; null for a theme that does not exist. */
  theme(tenant: Tenant, slug: string) {
    if (!isGuideTheme(slug)) return null;
    return this.tx.run(asTenantId(tenant.id), async (em) => {
      const pages = await this.publishedPages(em, asTenantId(tenant.id), slug);
      return {
        title: guideThemeLabel(slug),
        pages: pages.map(({ theme: _t, ...p }) => p),
      };
    });
  }

  /**
   * /wegwijzer/<slug>: a general page with the hub's local part under it and, on the premium's
   * page, the hub's premium; null when there is no such published page.
   */
  generalPage(tenant: Tenant, slug: string) {
    const tenantId = asTenantId(tenant.id);
    return this.tx.run(tenantId, async (em) => {
      const page = await em
        .getRepository(GeneralGuidePage)
        .findOneBy({ slug, status: 'published' });
      if (!page) return null;
      const part = await em.getRepository(GuideLocalPart).findOneBy({ tenantId, pageId: page.id });
      const premium = page.showsPremium
        ? await em.getRepository(CaregiverPremium).findOneBy({ tenantId })
        : null;
      const ownHost = this.hostOf(tenant);
      const organisations = part ? await this.partOrganisations(em, tenantId, part.id) : [];
      return {
        ...this.pageView(tenant, 'general', page, ownHost),
        organisations,
        local:
          part && (part.body || organisations.length)
            ? {
                heading: t('guide.read.page.local', { hub: tenant.name }),
                html: renderMarkdown(part.body, { ownHost }),
              }
            : null,
        premium: page.showsPremium ? premiumView(tenant, premium) : null,
        related: await this.related(em, tenantId, page.relatedSlugs, false),
      };
    });
  }

  /** /wegwijzer/lokaal/<slug>: one of the hub's own pages; null when it has no such published page. */
  localPage(tenant: Tenant, slug: string) {
    const tenantId = asTenantId(tenant.id);
    return this.tx.run(tenantId, async (em) => {
      const page = await em
        .getRepository(LocalGuidePage)
        .findOneBy({ tenantId, slug, status: 'published' });
      if (!page) return null;
      return {
        ...this.pageView(tenant, 'local', page, this.hostOf(tenant)),
        local: null,
        organisations: [],
        premium: null,
        related: await this.related(em, tenantId, page.relatedSlugs, true),
      };
    });
  }

  private pageView(tenant: Tenant, kind: GuidePageKind, page: GuidePageRow, ownHost: string) {
    return {
      // "Was dit nuttig?": a stateless token instead of a session, so readers get no cookie.
      feedback: {
        action: feedbackAction({ kind, slug: page.slug }, 'nuttig'),
        token: this.anonymous.token(
          FEEDBACK_PURPOSE,
          tenant.id,
          feedbackSubject({ kind, id: page.id }),
        ),
      },
      title: page.title,
      answer: page.answer,
      html: renderMarkdown(page.body, { ownHost }),
      theme: { label: guideThemeLabel(page.theme), href: `/wegwijzer/thema/${page.theme}` },
      reviewedOn: page.reviewedOn,
    };
  }

  /** The organisations of the hub's directory its part names, by name, with how to reach them. */
  private async partOrganisations(em: EntityManager, tenantId: TenantId, partId: string) {
    const rows = await em.query<{ id: string; name: string; phone: string; offer: string }[]>(
      `select o.id, o.name, o.phone, o.offer
         from guide_local_part_organisations l
         join care_organisations o on o.tenant_id = l.tenant_id and o.id = l.organisation_id
        where l.tenant_id = $1 and l.local_part_id = $2
        order by o.name_key`,
      [tenantId, partId],
    );
    return rows.map((o) => ({ ...o, href: `/hulp-in-de-buurt/${o.id}` }));
  }

  /** The published pages of a theme (or all), general and the hub's own, by title. */
  private async publishedPages(em: EntityManager, tenantId: TenantId, theme: GuideTheme | null) {
    const where = { status: 'published' as const, ...(theme ? { theme } : {}) };
    const general = await em.getRepository(GeneralGuidePage).find({ select: LISTED, where });
    const own = await em
      .getRepository(LocalGuidePage)
      .find({ select: LISTED, where: { ...where, tenantId } });
    return [
      ...general.map((p) => ({ theme: p.theme, ...listed(true)(p) })),
      ...own.map((p) => ({ theme: p.theme, ...listed(false)(p) })),
    ].sort(byTitle);
  }

  /**
   * The related pages that still exist and are published, in the editor's order. A hub's page
   * may name its own pages (found first) and general ones; a general page only general ones.
   */
  private async related(
    em: EntityManager,
    tenantId: TenantId,
    slugs: string[],
    withOwn: boolean,
  ): Promise<ListedGuidePage[]> {
    if (slugs.length === 0) return [];
    const where = { slug: In(slugs), status: 'published' as const };
    const own = withOwn
      ? await em
          .getRepository(LocalGuidePage)
          .find({ select: LISTED, where: { ...where, tenantId } })
      : [];
    const general = await em.getRepository(GeneralGuidePage).find({ select: LISTED, where });
    const found = new Map<string, ListedGuidePage>();
    for (const p of general) found.set(p.slug, listed(true)(p));
    for (const p of own) found.set(p.slug, listed(false)(p));
    return slugs.flatMap((slug) => found.get(slug) ?? []);
  }

  private hostOf(tenant: Tenant): string {
    return new URL(this.config.originFor(tenant.slug)).hostname;
  }
}

/** The hub's premium as its page shows it (`premium` null: not filled in yet). */
export function premiumView(tenant: Tenant, premium: CaregiverPremium | null) {
  const heading = t('guide.read.premium.heading', { hub: tenant.name });
  if (!premium) return { heading, unknown: t('guide.read.premium.unknown', { hub: tenant.name }) };
  if (!premium.offered)
    return {
      heading,
      none: t('guide.read.premium.none', { hub: tenant.name }),
      ...premiumTexts(premium),
    };
  return {
    heading,
    amount: t(`guide.read.premium.amount.${premium.period ?? 'maand'}`, {
      amount: formatEuros(premium.amountCents ?? 0),
    }),
    ...premiumTexts(premium),
  };
}

const premiumTexts = (premium: CaregiverPremium) => ({
  conditions: premium.conditions || null,
  howToApply: premium.howToApply || null,
});
