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
   * `claimFree` for many bases at once (a feed's new items, by title), in two statements when
   * their bases are free, whatever their number: each gets its base, else `base-2` ...
   * `base-21`, never one that another of the batch takes; the slugs taken, in the order of
   * `bases`. Locks the slugs it takes as `claim` does; a base whose candidates are all taken
   * (or taken meanwhile) falls back to `claimFree`.
   */
  async claimFreeMany(em: EntityManager, hub: string | null, bases: string[]): Promise<string[]> {
    const stems = bases.map((base) =>
      newsSlugProblem(base) === 'form' ? slugFromTitle(base) : base,
    );
    const result: (string | null)[] = stems.map(() => null);
    // First each base as it is (the first of the batch with it gets it).
    const took = await this.takeFree(
      em,
      hub,
      [...new Set(stems)].filter((stem) => !newsSlugProblem(stem)),
    );
    for (const [i, stem] of stems.entries()) if (took.delete(stem)) result[i] = stem;
    const rest = [...result.keys()].filter((i) => result[i] === null);
    if (rest.length === 0) return result as string[];

    // Then the numbered variants of the others that nobody uses.
    const variantsOf = (stem: string) =>
      Array.from({ length: BATCH_SUFFIXES }, (_, n) => `${stem.slice(0, 110)}-${n + 2}`).filter(
        (variant) => !newsSlugProblem(variant),
      );
    const taken = await this.takenOf(
      em,
      hub,
      [...new Set(rest.map((i) => stems[i]))].flatMap(variantsOf),
    );
    const chosen = new Map<number, string>();
    for (const i of rest) {
      const free = variantsOf(stems[i]).find((variant) => !taken.has(variant));
      if (free) {
        taken.add(free);
        chosen.set(i, free);
      }
    }
    const got = await this.takeFree(em, hub, [...chosen.values()]);
    for (const i of rest) {
      const slug = chosen.get(i);
      result[i] = slug && got.has(slug) ? slug : await this.claimFree(em, hub, stems[i]);
    }
    return result as string[];
  }

  /**
   * Locks `slugs` (in one order, so no two batches wait on each other) and takes those still
   * free: this statement runs after the locks, so it sees what their holders committed. One
   * index probe per slug (a scalar subquery, never a join over all of a hub's slugs).
   */
  private async takeFree(
    em: EntityManager,
    hub: string | null,
    slugs: string[],
  ): Promise<Set<string>> {
    if (slugs.length === 0) return new Set();
    await em.query(
      `select pg_advisory_xact_lock(hashtext('news-slug'), hashtext(s))
         from (select unnest($1::text[]) as s order by 1) as wanted`,
      [[...slugs].sort()],
    );
    const inserted = await em.query<{ slug: string }[]>(
      `insert into news_slugs (hub_tenant_id, slug)
       select $1, s from unnest($2::varchar[]) as s
        where (select count(*) from news_slugs n
                where n.slug = s
                  and ($1::uuid is null or n.hub_tenant_id is null or n.hub_tenant_id = $1)) = 0
       returning slug`,
      [hub, slugs],
    );
    return new Set(inserted.map((row) => row.slug));
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
        where slug = any($2::varchar[]) and ($1::uuid is null or hub_tenant_id is null or hub_tenant_id = $1)`,
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
