/** Which table an article lives in: a municipality's own (local) or the platform's (general). */
export type ArticleKind = 'local' | 'general';

/**
 * The address of an article's image on a hub (the articles part serves it): `/nieuws/beeld/<id>`
 * for a local article, `/nieuws/beeld/algemeen/<id>` for a general one. Relative, so it works on
 * every hub's host; the image shows when the article does (or to the hub's admins).
 */
export function articleImageUrl(kind: ArticleKind, articleId: string): string {
  const id = encodeURIComponent(articleId);
  return kind === 'general' ? `/nieuws/beeld/algemeen/${id}` : `/nieuws/beeld/${id}`;
}
