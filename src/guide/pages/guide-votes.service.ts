import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { GeneralGuidePage } from '../common/entities/general-guide-page.entity';
import { LocalGuidePage } from '../common/entities/local-guide-page.entity';

export type GuidePageKind = 'general' | 'local';

/** A published page readers answer about. */
export interface AnsweredPage {
  kind: GuidePageKind;
  id: string;
  slug: string;
  title: string;
}

/** One answer: the fold (`day`, `voterHash`), yes or no, and a "nee"'s comment. */
export interface GuideAnswer {
  day: string;
  voterHash: string;
  useful: boolean;
  comment: string | null;
}

/** A page's answers for its editors. */
export interface PageFeedback {
  title: string;
  yes: number;
  no: number;
}

export interface FeedbackComment {
  page: string;
  day: string;
  comment: string;
  /** The hub it came from (general pages: every hub answers). */
  hub: string | null;
}

const COMMENTS_SHOWN = 50;

/**
 * "Was dit nuttig?" answers: about a general page (general_guide_votes, global, with the hub it
 * was given on: the platform's editors read them) or a hub's own page (guide_votes, RLS). One row
 * per visitor, page and day: a second answer that day replaces the first (a "ja" clears an
 * earlier comment, a "nee" keeps it). Comments are for the editors only, never shown to readers.
 */
@Injectable()
export class GuideVotesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The published page of this hub at that address, or null. */
  page(tenantId: TenantId, kind: GuidePageKind, slug: string): Promise<AnsweredPage | null> {
    return this.tx.run(tenantId, async (em) => {
      const where = { slug, status: 'published' as const };
      const found =
        kind === 'general'
          ? await em.getRepository(GeneralGuidePage).findOneBy(where)
          : await em.getRepository(LocalGuidePage).findOneBy({ ...where, tenantId });
      return found && { kind, id: found.id, slug: found.slug, title: found.title };
    });
  }

  /** Stores an answer in one statement, folded with the visitor's earlier one of that day. */
  async answer(tenantId: TenantId, page: AnsweredPage, answer: GuideAnswer): Promise<void> {
    const { day, voterHash, useful, comment } = answer;
    const at = this.clock.now();
    await this.tx.run(tenantId, (em: EntityManager) =>
      page.kind === 'general'
        ? em.query(
            `insert into general_guide_votes (page_id, hub_tenant_id, day, voter_hash, useful, comment, created_at)
             values ($1, $2, $3, $4, $5, $6, $7)
             on conflict on constraint uq_general_guide_votes_voter do update
               set useful = excluded.useful,
                   comment = case when excluded.useful then null
                                  else coalesce(excluded.comment, general_guide_votes.comment) end`,
            [page.id, tenantId, day, voterHash, useful, comment, at],
          )
        : em.query(
            `insert into guide_votes (tenant_id, page_id, day, voter_hash, useful, comment, created_at)
             values ($2, $1, $3, $4, $5, $6, $7)
             on conflict on constraint uq_guide_votes_voter do update
               set useful = excluded.useful,
                   comment = case when excluded.useful then null
                                  else coalesce(excluded.comment, guide_votes.comment) end`,
            [page.id, tenantId, day, voterHash, useful, comment, at],
          ),
    );
  }

  /** The general pages' answers from every hub, and the latest comments (platform editors). */
  general(): Promise<{ pages: PageFeedback[]; comments: FeedbackComment[] }> {
    return this.dataSource.transaction(async (em) => ({
      pages: counts(
        await em.query(
          `select p.title,
                  count(v.id) filter (where v.useful) as yes,
                  count(v.id) filter (where not v.useful) as no
             from general_guide_pages p left join general_guide_votes v on v.page_id = p.id
            group by p.id order by no desc, yes desc, p.title`,
        ),
      ),
      comments: await em.query(
        `select p.title as page, to_char(v.day, 'YYYY-MM-DD') as day, v.comment, t.name as hub
           from general_guide_votes v
           join general_guide_pages p on p.id = v.page_id
           join tenants t on t.id = v.hub_tenant_id
          where v.comment is not null
          order by v.created_at desc, v.id limit ${COMMENTS_SHOWN}`,
      ),
    }));
  }

  /** A hub's own pages' answers and their latest comments (the hub's editors). */
  local(tenantId: TenantId): Promise<{ pages: PageFeedback[]; comments: FeedbackComment[] }> {
    return this.tx.run(tenantId, async (em) => ({
      pages: counts(
        await em.query(
          `select p.title,
                  count(v.id) filter (where v.useful) as yes,
                  count(v.id) filter (where not v.useful) as no
             from guide_pages p
             left join guide_votes v on v.tenant_id = p.tenant_id and v.page_id = p.id
            where p.tenant_id = $1
            group by p.tenant_id, p.id order by no desc, yes desc, p.title`,
          [tenantId],
        ),
      ),
      comments: await em.query(
        `select p.title as page, to_char(v.day, 'YYYY-MM-DD') as day, v.comment, null as hub
           from guide_votes v join guide_pages p on p.tenant_id = v.tenant_id and p.id = v.page_id
          where v.tenant_id = $1 and v.comment is not null
          order by v.created_at desc, v.id limit ${COMMENTS_SHOWN}`,
        [tenantId],
      ),
    }));
  }
}

const counts = (rows: { title: string; yes: string; no: string }[]): PageFeedback[] =>
  rows.map((r) => ({ title: r.title, yes: Number(r.yes), no: Number(r.no) }));
