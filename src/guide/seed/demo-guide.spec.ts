import { GUIDE_THEME_SLUGS, isGuideTheme } from '../common/guide-themes';
import { isOrganisationKind } from '../common/organisation-kinds';
import {
  DEMO_GENERAL_GUIDE_PAGES,
  DEMO_HUB_GUIDES,
  DEMO_PREMIUM_PAGE_SLUG,
  type DemoGuidePage,
} from './demo-guide';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HUBS = Object.entries(DEMO_HUB_GUIDES);
const GENERAL_SLUGS = new Set(DEMO_GENERAL_GUIDE_PAGES.map((page) => page.slug));
const ALLOWED_LINK_HOSTS = [
  'www.vlaamsesocialebescherming.be',
  'www.vlaanderen.be',
  'www.rva.be',
  'www.dementie.be',
];

function words(markdown: string): number {
  return markdown.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The Markdown subset: no HTML, no images, no tables, links only to https addresses. */
function expectMarkdownSubset(markdown: string): void {
  expect(markdown).not.toContain('<');
  expect(markdown).not.toMatch(/!\[/);
  expect(markdown).not.toMatch(/^\s*\|/m);
  for (const [, url] of markdown.matchAll(/\]\(([^)]*)\)/g)) {
    expect(url).toMatch(/^https:\/\//);
  }
}

function expectValidPage(page: DemoGuidePage, knownSlugs: Set<string>): void {
  expect(page.slug).toMatch(SLUG);
  expect(page.slug.length).toBeGreaterThanOrEqual(2);
  expect(page.slug.length).toBeLessThanOrEqual(120);
  expect(isGuideTheme(page.theme)).toBe(true);
  expect(page.title.trim().length).toBeGreaterThan(0);
  expect(page.answer.length).toBeGreaterThan(0);
  expect(page.answer.length).toBeLessThanOrEqual(300);
  expect(page.answer).toMatch(/[.?!]$/);
  expect(page.answer.slice(0, -1)).not.toMatch(/[.?!]\s/); // one sentence
  expectMarkdownSubset(page.body);
  const count = words(page.body);
  expect(count).toBeGreaterThanOrEqual(120);
  expect(count).toBeLessThanOrEqual(300);
  expect(page.reviewedDaysAgo).toBeGreaterThanOrEqual(0);
  expect(page.related.length).toBeGreaterThanOrEqual(1);
  expect(page.related.length).toBeLessThanOrEqual(4);
  expect(new Set(page.related).size).toBe(page.related.length);
  for (const slug of page.related) {
    expect(slug).not.toBe(page.slug);
    expect(knownSlugs.has(slug)).toBe(true);
  }
}

/** Every string field, for the check against spreadsheet formula characters. */
function stringFields(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringFields(item, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringFields(item, `${path}.${key}`));
  return [];
}

describe('the Wegwijzer demo content', () => {
  it('has at least 16 general pages', () => {
    expect(DEMO_GENERAL_GUIDE_PAGES.length).toBeGreaterThanOrEqual(16);
  });

  it('uses valid slugs, unique across the general pages and every hub’s local pages', () => {
    const all = [
      ...DEMO_GENERAL_GUIDE_PAGES.map((page) => page.slug),
      ...HUBS.flatMap(([, hub]) => hub.localPages.map((page) => page.slug)),
    ];
    for (const slug of all) {
      expect(slug).toMatch(SLUG);
      expect(slug.length).toBeGreaterThanOrEqual(2);
      expect(slug.length).toBeLessThanOrEqual(120);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it('covers every theme', () => {
    const used = new Set(DEMO_GENERAL_GUIDE_PAGES.map((page) => page.theme));
    for (const theme of GUIDE_THEME_SLUGS) expect(used).toContain(theme);
  });

  it('writes valid general pages whose related pages are other general pages', () => {
    for (const page of DEMO_GENERAL_GUIDE_PAGES) expectValidPage(page, GENERAL_SLUGS);
  });

  it('links only to official sites', () => {
    const bodies = [
      ...DEMO_GENERAL_GUIDE_PAGES.map((page) => page.body),
      ...HUBS.flatMap(([, hub]) => [
        ...hub.localPages.map((page) => page.body),
        ...hub.localParts.map((part) => part.body),
      ]),
    ];
    for (const body of bodies) {
      for (const [, url] of body.matchAll(/\]\(([^)]*)\)/g)) {
        expect(ALLOWED_LINK_HOSTS).toContain(new URL(url).host);
      }
    }
  });

  it('has at least one page whose review is overdue', () => {
    const pages = [...DEMO_GENERAL_GUIDE_PAGES, ...HUBS.flatMap(([, hub]) => hub.localPages)];
    expect(pages.some((page) => page.reviewInDays < 0)).toBe(true);
  });

  it('points the premium page at an existing general page', () => {
    expect(GENERAL_SLUGS.has(DEMO_PREMIUM_PAGE_SLUG)).toBe(true);
  });

  describe.each(HUBS)('hub %s', (hub, guide) => {
    const names = guide.organisations.map((organisation) => organisation.name);

    it('adds at most one valid local part per general page, naming its own organisations', () => {
      const pageSlugs = guide.localParts.map((part) => part.pageSlug);
      expect(new Set(pageSlugs).size).toBe(pageSlugs.length);
      expect(guide.localParts.length).toBeGreaterThanOrEqual(hub === 'gent' ? 4 : 5);
      for (const part of guide.localParts) {
        expect(GENERAL_SLUGS.has(part.pageSlug)).toBe(true);
        expectMarkdownSubset(part.body);
        expect(part.body.trim().length).toBeGreaterThan(0);
        expect(names.some((name) => part.body.includes(name))).toBe(true);
      }
    });

    it('has a local part on the mantelzorgpremie page', () => {
      expect(guide.localParts.map((part) => part.pageSlug)).toContain(DEMO_PREMIUM_PAGE_SLUG);
    });

    it('has 1–2 valid local pages', () => {
      expect(guide.localPages.length).toBeGreaterThanOrEqual(1);
      expect(guide.localPages.length).toBeLessThanOrEqual(2);
      const known = new Set([...GENERAL_SLUGS, ...guide.localPages.map((page) => page.slug)]);
      for (const page of guide.localPages) expectValidPage(page, known);
    });

    it('states its premium (Gent gives none)', () => {
      const part = guide.localParts.find((p) => p.pageSlug === DEMO_PREMIUM_PAGE_SLUG);
      if (hub === 'gent') {
        expect(guide.premium).toBeNull();
        expect(part?.body).toMatch(/geen mantelzorgpremie/i);
        return;
      }
      expect(part?.body).toMatch(/€ \d+ per (maand|jaar)/);
      expect(guide.premium).not.toBeNull();
      expect(guide.premium!.offered).toBe(true);
      expect(guide.premium!.amountCents).toBeGreaterThan(0);
      expect(['maand', 'jaar']).toContain(guide.premium!.period);
      expect(guide.premium!.conditions.length).toBeGreaterThan(0);
      expect(guide.premium!.howToApply.length).toBeGreaterThan(0);
    });

    it('lists at least 8 organisations with unique names and one Sociaal Huis', () => {
      expect(guide.organisations.length).toBeGreaterThanOrEqual(8);
      expect(new Set(names).size).toBe(names.length);
      expect(guide.organisations.filter((o) => o.kind === 'sociaal-huis')).toHaveLength(1);
      expect(new Set(guide.organisations.map((o) => o.kind)).size).toBeGreaterThanOrEqual(6);
    });

    it('gives organisations valid kinds, postcodes and fictitious contact data', () => {
      for (const organisation of guide.organisations) {
        expect(isOrganisationKind(organisation.kind)).toBe(true);
        expect(organisation.postcode).toMatch(/^\d{4}$/);
        expect(organisation.email).toMatch(/^[^@\s]+@[a-z0-9.-]+\.example$/);
        expect(new URL(organisation.website).protocol).toBe('https:');
        expect(new URL(organisation.website).hostname).toMatch(/\.example$/);
        expect(organisation.phone).toMatch(/^(?:0\d{1,3}|\+32 \d{3})( \d{2,3})+$/);
        for (const value of Object.values(organisation)) expect(value.trim()).not.toBe('');
      }
    });
  });

  it('starts no field with a formula character (phones may start with +32)', () => {
    const fields = stringFields({ DEMO_GENERAL_GUIDE_PAGES, DEMO_HUB_GUIDES });
    const bad = fields.filter(
      ([path, value]) =>
        /^[=+\-@]/.test(value) && !(path.endsWith('.phone') && value.startsWith('+32')),
    );
    expect(bad).toEqual([]);
  });
});
