import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { slugify } from '../../common/slugify';

/** Words that name the news pages themselves (`/nieuws/rss`, `/nieuws/pagina`, ...), never an item. */
export const RESERVED_NEWS_SLUGS = new Set([
  'rss',
  'pagina',
  'nieuw',
  'beheer',
  'feeds',
  'lokaal',
  'algemeen',
  'voorbeeld',
  'zoeken',
  'beeld',
]);

/** How many numbered variants (`-2` ... `-21`) `claimFreeMany` tries for a base in use before claiming one by one. */
const BATCH_SUFFIXES = 20;

/** Lower-case letters, digits and single hyphens, 2–120 characters. */
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,119}$/;

/** Why a typed slug cannot be used: its form, or a reserved word. */
export type SlugProblem = 'form' | 'reserved';

export function newsSlugProblem(slug: string): SlugProblem | null {
  if (!SLUG_PATTERN.test(slug)) return 'form';
  if (RESERVED_NEWS_SLUGS.has(slug)) return 'reserved';
  return null;
}

/** The slug proposed from a title (an article's, a feed item's). */
export function slugFromTitle(title: string): string {
  const slug = slugify(title, 100, 'bericht');
  return RESERVED_NEWS_SLUGS.has(slug) ? `${slug}-bericht` : slug;
}

/**
 * The one namespace of news addresses (news_slugs, global): `hub` is the municipality whose
 * content takes the slug, or null for general content (every hub shows it). A local slug is free
 * when neither its hub nor general content uses it; a general slug when no hub uses it. Runs in
 * the caller's transaction (the article's or item's own), with a transaction lock per slug, so
 * two writers never take the same one.
 */
@Injectable()
export class NewsSlugsService {
  /** Takes exactly `slug`; false when it is taken (or reserved). */
  async claim(em: EntityManager, hub: string | null, slug: string): Promise<boolean> {
    if (newsSlugProblem(slug)) return false;
    await em.query(`select pg_advisory_xact_lock(hashtext('news-slug'), hashtext($1))`, [slug]);
    if (await this.taken(em, hub, slug)) return false;
    await em.query(`insert into news_slugs (hub_tenant_id, slug) values ($1, $2)`, [hub, slug]);
    return true;
  }

  /** Takes `base`, or `base-2`, `base-3`, ... (an aggregated item's title); returns what it took. */
  async claimFree(em: EntityManager, hub: string | null, base: string): Promise<string> {
    const stem = newsSlugProblem(base) === 'form' ? slugFromTitle(base) : base;
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? stem : `${stem.slice(0, 110)}-${n}`;
      if (await this.claim(em, hub, candidate)) return candidate;
    }
  }

  /** Gives a slug back (the article or item is gone, or took another slug). */
  async release(em: EntityManager, hub: string | null, slug: string): Promise<void> {
    await em.query(
      `delete from news_slugs where slug = $2 and hub_tenant_id is not distinct from $1`,
      [hub, slug],
    );
  }

  /**
   * `claimFree` for many bases at once (a feed's new items, by title), in a few statements
   * whatever their number: each gets its base, else `base-2` ... `base-21`, never one that
   * another of the batch takes; the slugs taken, in the order of `bases`. Locks the slugs it
   * takes as `claim` does; a base whose candidates are all taken (or taken meanwhile) falls back
   * to `claimFree`.
   */
  async claimFreeMany(em: EntityManager, hub: string | null, bases: string[]): Promise<string[]> {
    if (bases.length === 0) return [];
    const stems = bases.map((base) =>
      newsSlugProblem(base) === 'form' ? slugFromTitle(base) : base,
    );
    const candidatesOf = (stem: string) => [
      stem,
      ...Array.from({ length: BATCH_SUFFIXES }, (_, i) => `${stem.slice(0, 110)}-${i + 2}`),
    ];
    const exact = [...new Set(stems)];
    let taken = await this.takenOf(em, hub, exact);
    // Only the stems already in use (or twice in the batch) need their numbered variants looked up.
    const twice = new Set(stems.filter((stem, i) => stems.indexOf(stem) !== i));
    const busy = exact.filter((stem) => taken.has(stem) || twice.has(stem));
    if (busy.length > 0) {
      const variants = busy.flatMap((stem) => candidatesOf(stem).slice(1));
      taken = new Set([...taken, ...(await this.takenOf(em, hub, variants))]);
    }
    const chosen: (string | null)[] = stems.map((stem) => {
      const free = candidatesOf(stem).find(
        (candidate) => !newsSlugProblem(candidate) && !taken.has(candidate),
      );
      if (free) taken.add(free);
      return free ?? null;
    });
    const wanted = chosen.filter((slug): slug is string => slug !== null);
    const got = new Set<string>();
    if (wanted.length > 0) {
      // Locked in one order (no two batches wait on each other), then taken unless someone
      // took one meanwhile: this statement runs after the locks, so it sees what they committed.
      await em.query(
        `select pg_advisory_xact_lock(hashtext('news-slug'), hashtext(s))
           from (select unnest($1::text[]) as s order by 1) as wanted`,
        [[...wanted].sort()],
      );
      const inserted = await em.query<{ slug: string }[]>(
        `insert into news_slugs (hub_tenant_id, slug)
         select $1, s from unnest($2::text[]) as s
          where not exists (select 1 from news_slugs n
                             where n.slug = s
                               and ($1::uuid is null or n.hub_tenant_id is null or n.hub_tenant_id = $1))
         returning slug`,
        [hub, wanted],
      );
      for (const row of inserted) got.add(row.slug);
    }
    const result: string[] = [];
    for (const [i, slug] of chosen.entries()) {
      result.push(slug !== null && got.has(slug) ? slug : await this.claimFree(em, hub, stems[i]));
    }
    return result;
  }

  /** Gives many slugs back at once (a feed and its items are deleted). */
  async releaseMany(em: EntityManager, hub: string | null, slugs: string[]): Promise<void> {
    if (slugs.length === 0) return;
    await em.query(
      `delete from news_slugs where slug = any($2::text[]) and hub_tenant_id is not distinct from $1`,
      [hub, slugs],
    );
  }

  /** Which of `slugs` are in use where `hub`'s content shows (see `taken`). */
  private async takenOf(
    em: EntityManager,
    hub: string | null,
    slugs: string[],
  ): Promise<Set<string>> {
    const rows = await em.query<{ slug: string }[]>(
      `select distinct slug from news_slugs
        where slug = any($2::text[]) and ($1::uuid is null or hub_tenant_id is null or hub_tenant_id = $1)`,
      [hub, slugs],
    );
    return new Set(rows.map((row) => row.slug));
  }

  private async taken(em: EntityManager, hub: string | null, slug: string): Promise<boolean> {
    // general (hub null): any row with the slug; local: a general row or one of its own hub
    const rows = await em.query<unknown[]>(
      `select 1 from news_slugs
        where slug = $2 and ($1::uuid is null or hub_tenant_id is null or hub_tenant_id = $1)
        limit 1`,
      [hub, slug],
    );
    return rows.length > 0;
  }
}
