import { t } from '../../i18n/i18n';
import { guideThemeLabel } from '../common/guide-themes';
import { pageFormOptions, type RelatedOption } from './guide-page-form';
import { publicPagePath, type GuidePageRow } from './guide-page-scope';
import type { GuidePageListRow, SaveGuidePageResult } from './guide-pages.service';

/** Both hosts show the editor at the same path (the platform's under /_platform inside). */
export const GUIDE_ADMIN_BASE = '/beheer/wegwijzer';
export const LIST_VIEW = 'guide/admin/list';
export const FORM_VIEW = 'guide/admin/form';
export const DELETE_VIEW = 'guide/admin/delete';
export const LOCAL_PART_VIEW = 'guide/admin/local-part';
export const PREMIUM_VIEW = 'guide/admin/premium';
export const FEEDBACK_VIEW = 'guide/admin/feedback';

export const pagePath = (id: string, rest = '') => `${GUIDE_ADMIN_BASE}/paginas/${id}${rest}`;
export const localPartPath = (pageId: string) => `${GUIDE_ADMIN_BASE}/aanvulling/${pageId}`;
export const PREMIUM_PATH = `${GUIDE_ADMIN_BASE}/premie`;

/** A refusal of the service as a message on its field (404s are the caller's). */
export function refusalErrors(
  result: Exclude<SaveGuidePageResult, { ok: true } | { reason: 'not-found' }>,
): Record<string, string> {
  if (result.reason === 'slug-taken')
    return { slug: t('guide.pages.error.slugTaken', { slug: result.slug }) };
  return { related: t('guide.pages.error.relatedUnknown', { slugs: result.slugs.join(', ') }) };
}

/** A line of a page list, with its review flag and where readers see it once published. */
export function listLine(general: boolean, row: GuidePageListRow) {
  return {
    ...row,
    href: pagePath(row.id),
    themeLabel: guideThemeLabel(row.theme),
    statusLabel: t(`guide.pages.status.${row.status}`),
    // A general page shows on the hubs, not on the platform host.
    publicHref: !general && row.status === 'published' ? publicPagePath(false, row.slug) : null,
  };
}

export interface PageFormInput {
  general: boolean;
  /** null: a new page. */
  page: GuidePageRow | null;
  values: Record<string, unknown>;
  related: RelatedOption[];
  /** The body rendered by renderMarkdown ("Voorbeeld bekijken"), or undefined. */
  preview?: string;
}

/** The page form: new or edit, with the preview when asked. */
export function pageFormPage(input: PageFormInput) {
  const { general, page, values, related } = input;
  return {
    title: page
      ? t('guide.pages.form.editTitle', { title: page.title })
      : t(general ? 'guide.pages.form.newTitleGeneral' : 'guide.pages.form.newTitle'),
    isNew: page === null,
    general,
    base: GUIDE_ADMIN_BASE,
    action: page ? pagePath(page.id) : `${GUIDE_ADMIN_BASE}/paginas/nieuw`,
    page: page && {
      title: page.title,
      publicHref: !general && page.status === 'published' ? publicPagePath(false, page.slug) : null,
      deleteHref: pagePath(page.id, '/verwijderen'),
    },
    values,
    preview: input.preview === undefined ? null : { html: input.preview },
    ...pageFormOptions(values, related),
  };
}
