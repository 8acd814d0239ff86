import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { isUuid } from '../../common/uuid';
import { isUniqueViolation } from '../../database/unique-violation';
import { ScopedTransactionService } from '../../events/scoped-transaction.service';
import { GeneralGuidePage } from '../common/entities/general-guide-page.entity';
import {
  guideSlugFromTitle,
  todayIn,
  type GuidePageInput,
  type RelatedOption,
} from './guide-page-form';
import {
  guidePageRepo,
  inGuideScope,
  isGeneral,
  type GuidePageRow,
  type GuideScope,
} from './guide-page-scope';

export type SaveGuidePageResult =
  | { ok: true; page: GuidePageRow }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'slug-taken'; slug: string }
  | { ok: false; reason: 'unknown-related'; slugs: string[] };

/** A line of the editors' list. */
export interface GuidePageListRow {
  id: string;
  slug: string;
  title: string;
  theme: GuidePageRow['theme'];
  status: GuidePageRow['status'];
  reviewDueOn: string;
  /** Its review date has passed: flagged to its editors. */
  reviewDue: boolean;
}

const SLUG_CONSTRAINT = { general: 'uq_general_guide_pages_slug', local: 'uq_guide_pages_slug' };

/**
 * The guide's pages for their editors, one set of rules for the platform's general pages and a
 * hub's own: a slug is unique in its table (a race loses on the constraint and is told so, never
 * a 500), related pages must exist (general ones; a hub's page may also name its own pages), and
 * a page due for review is flagged in the list.
 */
@Injectable()
export class GuidePagesService {
  constructor(
    private readonly tx: ScopedTransactionService,
    private readonly clock: Clock,
  ) {}

  /** The scope's pages, those due for review first, then by theme and title. */
  list(scope: GuideScope): Promise<GuidePageListRow[]> {
    const today = todayIn(this.clock.now());
    return this.tx.run(scope, async (em) => {
      const rows = await guidePageRepo(em, scope).find({
        select: { id: true, slug: true, title: true, theme: true, status: true, reviewDueOn: true },
        where: inGuideScope(scope),
        order: { title: 'ASC', id: 'ASC' },
      });
      return rows
        .map((r) => ({ ...r, reviewDue: r.reviewDueOn < today }))
        .sort((a, b) => Number(b.reviewDue) - Number(a.reviewDue));
    });
  }

  /** One page of the scope (any status), or null (also for an id that is no id). */
  async find(scope: GuideScope, id: string): Promise<GuidePageRow | null> {
    if (!isUuid(id)) return null;
    return this.tx.run(scope, (em) =>
      guidePageRepo(em, scope).findOneBy({ ...inGuideScope(scope), id }),
    );
  }

  /**
   * What a page of the scope may name as related: every general page, and for a hub's page also
   * the hub's other pages (by title). `except`: the page itself.
   */
  relatedOptions(scope: GuideScope, except: string | null = null): Promise<RelatedOption[]> {
    return this.tx.run(scope, (em) => this.pagesToRelate(em, scope, except));
  }

  async create(scope: GuideScope, input: GuidePageInput): Promise<SaveGuidePageResult> {
    return this.saving(scope, input, async (em) => {
      const refusal = await this.relatedRefusal(em, scope, input, null);
      if (refusal) return refusal;
      const slug = input.slug ?? (await this.freeSlug(em, scope, guideSlugFromTitle(input.title)));
      const repo = guidePageRepo(em, scope);
      const page = await repo.save(
        repo.create({ ...inGuideScope(scope), ...this.columns(scope, input), slug }),
      );
      return { ok: true, page };
    });
  }

  async update(scope: GuideScope, id: string, input: GuidePageInput): Promise<SaveGuidePageResult> {
    if (!isUuid(id)) return { ok: false, reason: 'not-found' };
    return this.saving(scope, input, async (em) => {
      const repo = guidePageRepo(em, scope);
      const key = { ...inGuideScope(scope), id };
      const current = await repo.findOne({ where: key, lock: { mode: 'pessimistic_write' } });
      if (!current) return { ok: false, reason: 'not-found' };
      const refusal = await this.relatedRefusal(em, scope, input, current);
      if (refusal) return refusal;
      let slug = input.slug ?? current.slug;
      // Emptied: proposed from the title, unless the current one already is (`titel-2` too).
      const proposed = guideSlugFromTitle(input.title);
      if (input.slug === null && !new RegExp(`^${proposed}(?:-\\d+)?$`).test(current.slug))
        slug = await this.freeSlug(em, scope, proposed);
      await repo.update(key, { ...this.columns(scope, input), slug });
      return { ok: true, page: (await repo.findOneBy(key))! };
    });
  }

  /** Deletes a page (a hub's local parts under a general page go with it); the page, or null. */
  async remove(scope: GuideScope, id: string): Promise<GuidePageRow | null> {
    if (!isUuid(id)) return null;
    return this.tx.run(scope, async (em) => {
      const repo = guidePageRepo(em, scope);
      const key = { ...inGuideScope(scope), id };
      const current = await repo.findOne({ where: key, lock: { mode: 'pessimistic_write' } });
      if (!current) return null;
      await repo.delete(key);
      return current;
    });
  }

  /** The stored columns of the input (the premium switch only on a general page). */
  private columns(scope: GuideScope, input: GuidePageInput): Partial<GuidePageRow> {
    return {
      title: input.title,
      theme: input.theme,
      answer: input.answer,
      body: input.body,
      status: input.status,
      reviewedOn: input.reviewedOn,
      reviewDueOn: input.reviewDueOn,
      relatedSlugs: input.relatedSlugs,
      ...(isGeneral(scope) ? { showsPremium: input.showsPremium } : {}),
    };
  }

  /** Runs a save; a slug someone else took in the meantime is a refusal, not an error. */
  private async saving(
    scope: GuideScope,
    input: GuidePageInput,
    work: (em: EntityManager) => Promise<SaveGuidePageResult>,
  ): Promise<SaveGuidePageResult> {
    const constraint = isGeneral(scope) ? SLUG_CONSTRAINT.general : SLUG_CONSTRAINT.local;
    try {
      return await this.tx.run(scope, work);
    } catch (error) {
      if (!isUniqueViolation(error, constraint)) throw error;
      return {
        ok: false,
        reason: 'slug-taken',
        slug: input.slug ?? guideSlugFromTitle(input.title),
      };
    }
  }

  private async relatedRefusal(
    em: EntityManager,
    scope: GuideScope,
    input: GuidePageInput,
    current: GuidePageRow | null,
  ): Promise<SaveGuidePageResult | null> {
    if (input.relatedSlugs.length === 0) return null;
    const known = new Set(
      (await this.pagesToRelate(em, scope, current?.id ?? null)).map((p) => p.slug),
    );
    const unknown = input.relatedSlugs.filter((slug) => !known.has(slug));
    return unknown.length > 0 ? { ok: false, reason: 'unknown-related', slugs: unknown } : null;
  }

  private async pagesToRelate(
    em: EntityManager,
    scope: GuideScope,
    except: string | null,
  ): Promise<RelatedOption[]> {
    const general = await em.getRepository(GeneralGuidePage).find({
      select: { id: true, slug: true, title: true },
      order: { title: 'ASC' },
    });
    const own = isGeneral(scope)
      ? []
      : await guidePageRepo(em, scope).find({
          select: { id: true, slug: true, title: true },
          where: inGuideScope(scope),
          order: { title: 'ASC' },
        });
    // A hub's page and a general one may share a slug: the hub's own is the one meant.
    const ownSlugs = new Set(own.map((p) => p.slug));
    const pages = isGeneral(scope)
      ? general.filter((p) => p.id !== except)
      : [...own.filter((p) => p.id !== except), ...general.filter((p) => !ownSlugs.has(p.slug))];
    return pages
      .map(({ slug, title }) => ({ slug, title }))
      .sort((a, b) => a.title.localeCompare(b.title, 'nl'));
  }

  /** `base`, else the first free `base-2`, `base-3`, ... in the scope's table. */
  private async freeSlug(em: EntityManager, scope: GuideScope, base: string): Promise<string> {
    const taken = new Set(
      (
        await guidePageRepo(em, scope)
          .createQueryBuilder('p')
          .select('p.slug', 'slug')
          .where(isGeneral(scope) ? '1 = 1' : 'p.tenant_id = :tenantId', inGuideScope(scope))
          .andWhere("(p.slug = :base or p.slug ~ ('^' || :base || '-[0-9]+$'))", { base })
          .getRawMany<{ slug: string }>()
      ).map((r) => r.slug),
    );
    if (!taken.has(base)) return base;
    let n = 2;
    while (taken.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  }
}
