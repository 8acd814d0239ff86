import { publicPagePath } from './guide-page-scope';
import type { AnsweredPage, GuidePageKind } from './guide-votes.service';

/** The anonymous forms' purpose for the guide's "Was dit nuttig?" (src/web/anonymous). */
export const FEEDBACK_PURPOSE = 'guide-feedback';

/** What a token is about: the page's kind and id (a token for one page never counts for another). */
export const feedbackSubject = (page: { kind: GuidePageKind; id: string }) =>
  `${page.kind === 'general' ? 'g' : 'l'}:${page.id}`;

/** Where the page's answer (`nuttig`) or comment (`reactie`) is posted. */
export const feedbackAction = (
  page: Pick<AnsweredPage, 'kind' | 'slug'>,
  step: 'nuttig' | 'reactie',
) => `/a${publicPagePath(page.kind === 'general', page.slug)}/${step}`;
