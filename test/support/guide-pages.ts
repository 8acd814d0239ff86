import type { TenantId } from '../../src/database/tenant-id';
import type { GuidePageInput } from '../../src/guide/pages/guide-page-form';
import { GENERAL_GUIDE, localGuide } from '../../src/guide/pages/guide-page-scope';
import { GuidePagesService } from '../../src/guide/pages/guide-pages.service';
import { csrfFrom } from './csrf';
import type { TestApp } from './test-app';

type Agent = ReturnType<TestApp['agent']>;

/** A valid page form (new: slug empty, proposed from the title; published; checked 2026-11-02, before every test's clock). */
export const guidePageForm = (over: Record<string, string> = {}): Record<string, string> => ({
  title: 'Wat is kortverblijf?',
  slug: '',
  theme: 'respijtzorg-en-opvang',
  answer: 'Kortverblijf is een korte opname in een woonzorgcentrum, zodat jij even op adem komt.',
  body: 'Je naaste logeert **enkele dagen of weken** in een woonzorgcentrum.\n\n- Per keer hoogstens 30 dagen\n- Vraag het aan bij het centrum',
  reviewedOn: '2026-11-02',
  reviewDueOn: '2028-05-01',
  status: 'published',
  ...over,
});

/**
 * Posts a form with fields that repeat (the related pages' `related[]` boxes) the way a browser
 * does: name=value pairs in order, the CSRF token read from `formPath`.
 */
export async function postPairs(
  agent: Agent,
  formPath: string,
  pairs: [string, string][],
  action = formPath,
) {
  const token = await csrfFrom(agent, formPath);
  const body = [...pairs, ['_csrf', token]]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return agent.post(action).type('form').send(body);
}

/** A page's input for the service (the seeders and fixtures write through it, as the form does). */
export const pageInput = (over: Partial<GuidePageInput>): GuidePageInput => ({
  title: 'Wat is dagopvang?',
  slug: null,
  theme: 'respijtzorg-en-opvang',
  answer: 'In een dagopvang brengt je naaste de dag door met anderen, met zorg erbij.',
  body: 'Een **dagopvang** of dagverzorgingscentrum ontvangt je naaste overdag.',
  status: 'published',
  reviewedOn: '2027-01-10',
  reviewDueOn: '2028-01-10',
  relatedSlugs: [],
  showsPremium: false,
  ...over,
});

/** Pages made through GuidePagesService (a general one, or a hub's own); throws on a refusal. */
export function guideFixtures(t: TestApp) {
  const pages = t.get(GuidePagesService);
  const made = async (result: Awaited<ReturnType<GuidePagesService['create']>>) => {
    if (!result.ok) throw new Error(`guide page refused: ${result.reason}`);
    return result.page;
  };
  return {
    general: async (over: Partial<GuidePageInput>) =>
      made(await pages.create(GENERAL_GUIDE, pageInput(over))),
    local: async (tenantId: TenantId, over: Partial<GuidePageInput>) =>
      made(await pages.create(localGuide(tenantId), pageInput(over))),
  };
}
