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
