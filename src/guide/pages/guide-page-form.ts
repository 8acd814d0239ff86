import { DateTime } from 'luxon';
import { calendarDate, LOCAL_ZONE } from '../../common/dates';
import { slugify } from '../../common/slugify';
import { t } from '../../i18n/i18n';
import { typed } from '../../web/forms/typed';
import { validateBody } from '../../web/forms/validate-body';
import { refusedFields, withoutControls } from '../../web/input-guard';
import { GUIDE_PAGE_STATUSES, type GuidePageStatus } from '../common/entities/guide-page-columns';
import { GUIDE_THEMES, type GuideTheme } from '../common/guide-themes';
import { GuidePageDto, MAX_RELATED } from './dto/guide-page.dto';
import type { GuidePageRow } from './guide-page-scope';

/** Lower-case letters, digits and single hyphens, 2–100 characters. */
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,99}$/;
/** Words that name the guide's own pages (`/wegwijzer/thema`, `/wegwijzer/lokaal`), never a page. */
const RESERVED_SLUGS = new Set(['thema', 'lokaal', 'nieuw', 'beheer', 'zoeken', 'a']);

/** The related pages' checkboxes post this field, once per box ticked. */
export const RELATED_FIELD = 'related[]';

/** What an editor sets on a page (create and edit), after the form's checks. */
export interface GuidePageInput {
  title: string;
  /** The typed address, or null: proposed from the title (a free one). */
  slug: string | null;
  theme: GuideTheme;
  answer: string;
  body: string;
  status: GuidePageStatus;
  reviewedOn: string;
  reviewDueOn: string;
  relatedSlugs: string[];
  /** Only kept for a general page. */
  showsPremium: boolean;
}

export type ParsedGuidePage =
  { ok: true; input: GuidePageInput } | { ok: false; errors: Record<string, string> };

export function guideSlugProblem(slug: string): 'form' | 'reserved' | null {
  if (!SLUG_PATTERN.test(slug)) return 'form';
  return RESERVED_SLUGS.has(slug) ? 'reserved' : null;
}

/** The address proposed from a title. */
export function guideSlugFromTitle(title: string): string {
  const slug = slugify(title, 100, 'vraag');
  return RESERVED_SLUGS.has(slug) || slug.length < 2 ? `${slug}-vraag` : slug;
}

/** Today in Brussels as 2026-12-03 (a review date is a calendar day there). */
export const todayIn = (now: Date) => DateTime.fromJSDate(now, { zone: LOCAL_ZONE }).toISODate()!;

/** A local part's organisation checkboxes post this field, once per box ticked. */
export const ORGANISATIONS_FIELD = 'organisations[]';

/** The ticked related pages as posted: none, one (a string) or several. */
export function relatedOf(body: Record<string, unknown>): string[] {
  return listOf(body, RELATED_FIELD);
}

/** A checkbox list's values as posted (`name[]`): none, one (a string) or several, once each. */
export function listOf(body: Record<string, unknown>, field: string): string[] {
  const raw = body[field];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return [...new Set(list.filter((v): v is string => typeof v === 'string').map(withoutControls))];
}

/**
 * The whole form's checks at once (a person sees every problem in one go): the DTO's, the slug's
 * form, the two review dates (the last review not after today, the next one after it) and the
 * related pages (at most MAX_RELATED; which exist is the service's check).
 */
export async function parseGuidePageForm(
  body: Record<string, unknown>,
  now: Date,
): Promise<ParsedGuidePage> {
  const { [RELATED_FIELD]: _related, ...fields } = body;
  const valid = await validateBody(GuidePageDto, fields);
  // What the input guard refused is noted on the body as posted (a copy does not carry it).
  const refused = refusedFields(body);
  const own = (field: 'slug' | 'reviewedOn' | 'reviewDueOn') => {
    const value = valid.ok ? valid.dto[field] : fields[field];
    return typeof value === 'string' ? value.trim() : '';
  };
  const errors: Record<string, string> = {};
  const slug = own('slug').toLowerCase() || null;
  const problem = slug ? guideSlugProblem(slug) : null;
  if (problem === 'form') errors.slug = t('guide.pages.error.slug');
  else if (problem === 'reserved') errors.slug = t('guide.pages.error.slugReserved', { slug });

  const reviewed = calendarDate(own('reviewedOn'));
  const due = calendarDate(own('reviewDueOn'));
  const today = todayIn(now);
  if (!reviewed) errors.reviewedOn = t('guide.pages.error.reviewedOn');
  else if (reviewed.toISODate()! > today) errors.reviewedOn = t('guide.pages.error.reviewedFuture');
  if (!due) errors.reviewDueOn = t('guide.pages.error.reviewDueOn');
  else if (reviewed && due <= reviewed) errors.reviewDueOn = t('guide.pages.error.reviewDueBefore');

  const relatedSlugs = relatedOf(body);
  if (relatedSlugs.length > MAX_RELATED)
    errors.related = t('guide.pages.error.relatedTooMany', { max: MAX_RELATED });

  if (!valid.ok || refused)
    return { ok: false, errors: { ...errors, ...(valid.ok ? {} : valid.errors), ...refused } };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { dto } = valid;
  return {
    ok: true,
    input: {
      title: dto.title,
      slug,
      theme: dto.theme as GuideTheme,
      answer: dto.answer,
      body: dto.body,
      status: dto.status as GuidePageStatus,
      reviewedOn: reviewed!.toISODate()!,
      reviewDueOn: due!.toISODate()!,
      relatedSlugs,
      showsPremium: dto.showsPremium === '1',
    },
  };
}

/** A new page's values: a draft, checked today, to check again in a year. */
export function newPageValues(now: Date): Record<string, unknown> {
  const today = DateTime.fromJSDate(now, { zone: LOCAL_ZONE });
  return {
    title: '',
    slug: '',
    theme: '',
    answer: '',
    body: '',
    status: 'draft',
    reviewedOn: today.toISODate(),
    reviewDueOn: today.plus({ years: 1 }).toISODate(),
    [RELATED_FIELD]: [],
  };
}

/** A stored page as the form's values. */
export function pageValues(page: GuidePageRow): Record<string, unknown> {
  return {
    title: page.title,
    slug: page.slug,
    theme: page.theme,
    answer: page.answer,
    body: page.body,
    status: page.status,
    reviewedOn: page.reviewedOn,
    reviewDueOn: page.reviewDueOn,
    [RELATED_FIELD]: page.relatedSlugs,
    ...(page.showsPremium ? { showsPremium: '1' } : {}),
  };
}

/** A page another page can point to, as the related pages' checkboxes list it. */
export interface RelatedOption {
  slug: string;
  title: string;
}

/** The theme select, the status radios, the related boxes and the premium box, as in `values`. */
export function pageFormOptions(values: Record<string, unknown>, related: RelatedOption[]) {
  const theme = typed(values, 'theme');
  const status = typed(values, 'status') || 'draft';
  const ticked = new Set(relatedOf(values));
  return {
    themes: GUIDE_THEMES.map((th) => ({ ...th, selected: th.slug === theme })),
    statuses: GUIDE_PAGE_STATUSES.map((value) => ({
      value,
      label: t(`guide.pages.status.${value}`),
      hint: t(`guide.pages.form.status.${value}.hint`),
      checked: status === value,
    })),
    relatedOptions: related.map((r, i) => ({
      ...r,
      id: `related-${i}`,
      checked: ticked.has(r.slug),
    })),
    showsPremiumChecked: typed(values, 'showsPremium') === '1',
  };
}
