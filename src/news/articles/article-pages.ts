import { t } from '../../i18n/i18n';
import { errorList } from '../../web/forms/form-validation';
import { MAX_PINNED } from '../common/entities/article-columns';
import { articleImageUrl, type ArticleKind } from './article-image-url';
import { typed } from '../../web/forms/typed';
import { articleFormOptions } from './article-form';
import type { ArticleRow } from './article-scope';
import type { ArticleListPage, SaveArticleResult } from './articles.service';

/** Both hosts show the articles at the same public path (the platform's under /_platform inside). */
export const ARTICLES_BASE = '/beheer/nieuws';
export const FORM_VIEW = 'news/articles/form';
export const LIST_VIEW = 'news/articles/list';
export const DELETE_VIEW = 'news/articles/delete';

export const articlePath = (id: string, rest = '') => `${ARTICLES_BASE}/artikels/${id}${rest}`;

/** The flash after a change (`title`: the article's). */
export const ARTICLE_DONE = {
  created: 'news.articles.done.created',
  saved: 'news.articles.done.saved',
  deleted: 'news.articles.done.deleted',
  imageSaved: 'news.articles.done.imageSaved',
  imageRemoved: 'news.articles.done.imageRemoved',
} as const;

/** A refusal of the service as a message on its field (404s are the caller's). */
export function refusalErrors(
  kind: ArticleKind,
  result: Exclude<SaveArticleResult, { ok: true } | { reason: 'not-found' }>,
): Record<string, string> {
  if (result.reason === 'slug-taken')
    return {
      slug: t(
        kind === 'general'
          ? 'news.articles.error.slugTakenGeneral'
          : 'news.articles.error.slugTaken',
        { slug: result.slug },
      ),
    };
  return {
    pinned: t('news.articles.error.pinsFull', {
      max: MAX_PINNED,
      titles: result.titles.map((title) => `"${title}"`).join(', '),
    }),
  };
}

/** "Gepubliceerd", "Gepland" (published, from a later moment), "Klad", "Gearchiveerd". */
export function statusLabel(article: Pick<ArticleRow, 'status' | 'publishAt'>, now: Date): string {
  if (article.status === 'published' && article.publishAt > now)
    return t('news.articles.status.planned');
  return t(`news.status.${article.status}`);
}

/** /beheer/nieuws on a hub (`hubName`) or on the platform (null). */
export function listPage(
  kind: ArticleKind,
  hubName: string | null,
  list: ArticleListPage,
  now: Date,
) {
  const { rows, page, pages, pinned } = list;
  const pageHref = (n: number) => (n > 1 ? `${ARTICLES_BASE}?pagina=${n}` : ARTICLES_BASE);
  return {
    title:
      kind === 'general'
        ? t('news.articles.list.titleGeneral')
        : t('news.articles.list.title', { hub: hubName ?? '' }),
    general: kind === 'general',
    base: ARTICLES_BASE,
    pinnedCount: t('news.articles.list.pinnedCount', { n: pinned, max: MAX_PINNED }),
    articles: rows.map((r) => ({
      ...r,
      href: articlePath(r.id),
      statusLabel: statusLabel(r, now),
      // A hub's article that shows can be opened on the hub (a general one: on every hub).
      publicHref:
        kind === 'local' && r.status === 'published' && r.publishAt <= now
          ? `/nieuws/${r.slug}`
          : null,
    })),
    pageOf: pages > 1 ? t('news.articles.list.pageOf', { page, pages }) : null,
    previousHref: page > 1 ? pageHref(page - 1) : null,
    nextHref: page < pages ? pageHref(page + 1) : null,
  };
}

/** Where an admin page shows an article's image: on the hub its public address, on the platform its own. */
export function adminImagePath(kind: ArticleKind, article: ArticleRow): string | null {
  if (!article.imageFileId) return null;
  return kind === 'general' ? articlePath(article.id, '/beeld') : articleImageUrl(kind, article.id);
}

export interface FormPageInput {
  kind: ArticleKind;
  /** null: a new article. */
  article: ArticleRow | null;
  /** The main form's values (stored, or as typed). */
  values: Record<string, unknown>;
  now: Date;
  /** The body rendered by renderMarkdown ("Voorbeeld bekijken"), or null. */
  preview?: string | null;
  /** The image form's description as typed (else the stored one). */
  imageAlt?: string;
}

/** The article form's page: new or edit, with the image section and the preview when asked. */
export function formPage(input: FormPageInput) {
  const { kind, article, values, now } = input;
  const isNew = article === null;
  return {
    title: isNew
      ? t(kind === 'general' ? 'news.articles.form.newTitleGeneral' : 'news.articles.form.newTitle')
      : t('news.articles.form.editTitle', { title: article.title }),
    isNew,
    general: kind === 'general',
    base: ARTICLES_BASE,
    action: isNew ? `${ARTICLES_BASE}/artikels/nieuw` : articlePath(article.id),
    maxPinned: MAX_PINNED,
    article: article && {
      id: article.id,
      title: article.title,
      statusLabel: statusLabel(article, now),
      publishAt: article.publishAt,
      imageSrc: adminImagePath(kind, article),
      // in the address, so a replaced image loads at once
      imageVersion: article.imageFileId,
      imageAlt: article.imageAlt ?? '',
      imageAction: articlePath(article.id, '/beeld'),
      imageRemoveAction: articlePath(article.id, '/beeld/verwijderen'),
      deleteHref: articlePath(article.id, '/verwijderen'),
    },
    values,
    imageAltValue: input.imageAlt ?? article?.imageAlt ?? '',
    preview: input.preview === undefined ? null : { html: input.preview },
    ...articleFormOptions(values),
  };
}

/** The edit page with errors on the image form (the article form shows the stored values). */
export function imageErrorsPage(
  kind: ArticleKind,
  article: ArticleRow,
  storedValues: Record<string, string>,
  body: Record<string, unknown> | undefined,
  errors: Record<string, string>,
  now: Date,
) {
  const alt = body && typeof body.imageAlt !== 'undefined' ? typed(body, 'imageAlt') : undefined;
  return {
    ...formPage({ kind, article, values: storedValues, now, imageAlt: alt }),
    errors,
    errorList: errorList(errors),
  };
}
