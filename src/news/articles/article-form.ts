import { DateTime } from 'luxon';
import { calendarDate, LOCAL_ZONE, localDateTime } from '../../common/dates';
import { t } from '../../i18n/i18n';
import { ARTICLE_STATUSES, type ArticleStatus } from '../common/entities/article-columns';
import { newsSlugProblem } from '../common/news-slugs.service';
import { typed } from '../../web/forms/typed';
import { validateBody } from '../../web/forms/validate-body';
import { ArticleDto } from './dto/article.dto';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What an admin sets on an article (create and edit), after the form's checks. */
export interface ArticleInput {
  title: string;
  /** The typed address, or null: proposed from the title (a free one). */
  slug: string | null;
  summary: string;
  body: string;
  /** The moment it appears, or null: now (when it is saved). */
  publishAt: Date | null;
  status: ArticleStatus;
  pinned: boolean;
}

/** The stored fields the form shows (a local or a general article). */
export interface ArticleFields {
  title: string;
  slug: string;
  summary: string;
  body: string;
  publishAt: Date;
  status: ArticleStatus;
  pinned: boolean;
}

export type ParsedArticle =
  { ok: true; input: ArticleInput } | { ok: false; errors: Record<string, string> };

/** The fields whose rules a DTO cannot check alone: the slug's form and reserved words, the date with its time. */
export interface SlugAndMoment {
  slug: string;
  publishDate: string;
  publishTime: string;
}

/** The slug's and the moment's own checks: the errors, or the slug (null: from the title) and the moment. */
export function checkSlugAndMoment(fields: SlugAndMoment): {
  errors: Record<string, string>;
  slug: string | null;
  publishAt: Date | null;
} {
  const errors: Record<string, string> = {};
  const slug = fields.slug === '' ? null : fields.slug;
  const problem = slug ? newsSlugProblem(slug) : null;
  if (problem === 'form') errors.slug = t('news.articles.error.slug');
  else if (problem === 'reserved') errors.slug = t('news.articles.error.slugReserved', { slug });

  let publishAt: Date | null = null;
  const { publishDate: date, publishTime: time } = fields;
  if (date === '' && time !== '') errors.publishDate = t('news.articles.error.publishTimeAlone');
  else if (date !== '') {
    if (!calendarDate(date)) errors.publishDate = t('news.articles.error.publishDate');
    else if (time !== '' && !TIME.test(time))
      errors.publishTime = t('news.articles.error.publishTime');
    else {
      const at = localDateTime(date, time || '00:00');
      if (!at) errors.publishTime = t('news.articles.error.publishTimeGap');
      else publishAt = at.toJSDate();
    }
  }
  return { errors, slug, publishAt };
}

/**
 * The whole form's checks: the DTO's and the slug's and moment's, all at once (a person sees
 * every problem in one go, not one after the other).
 */
export async function parseArticleForm(body: Record<string, unknown>): Promise<ParsedArticle> {
  const valid = await validateBody(ArticleDto, body);
  const own = (field: keyof SlugAndMoment) => {
    const value = valid.ok ? valid.dto[field] : body[field];
    return typeof value === 'string' ? value.trim() : '';
  };
  const checked = checkSlugAndMoment({
    slug: own('slug').toLowerCase(),
    publishDate: own('publishDate'),
    publishTime: own('publishTime'),
  });
  if (!valid.ok) return { ok: false, errors: { ...checked.errors, ...valid.errors } };
  if (Object.keys(checked.errors).length > 0) return { ok: false, errors: checked.errors };
  const { dto } = valid;
  return {
    ok: true,
    input: {
      title: dto.title,
      slug: checked.slug,
      summary: dto.summary,
      body: dto.body,
      publishAt: checked.publishAt,
      status: dto.status as ArticleStatus,
      pinned: dto.pinned === '1',
    },
  };
}

/** A new article's values: a draft that appears when it is published (date empty: now). */
export function newArticleValues(): Record<string, string> {
  return {
    title: '',
    slug: '',
    summary: '',
    body: '',
    publishDate: '',
    publishTime: '',
    status: 'draft',
  };
}

/** A stored article as the form's values (its moment in Brussels). */
export function articleValues(article: ArticleFields): Record<string, string> {
  const at = DateTime.fromJSDate(article.publishAt, { zone: LOCAL_ZONE });
  return {
    title: article.title,
    slug: article.slug,
    summary: article.summary,
    body: article.body,
    publishDate: at.toISODate()!,
    publishTime: at.toFormat('HH:mm'),
    status: article.status,
    ...(article.pinned ? { pinned: '1' } : {}),
  };
}

/** The status radios and the pinned box, checked as in `values`. */
export function articleFormOptions(values: Record<string, unknown>) {
  const status = typed(values, 'status') || 'draft';
  return {
    statuses: ARTICLE_STATUSES.map((value) => ({
      value,
      label: t(`news.status.${value}`),
      hint: t(`news.articles.form.status.${value}.hint`),
      checked: status === value,
    })),
    pinnedChecked: typed(values, 'pinned') === '1',
  };
}
