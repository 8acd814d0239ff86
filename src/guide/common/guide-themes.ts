/**
 * The Wegwijzer's themes (issue 11), in the order the guide shows them. The slug is the theme's
 * address (`/wegwijzer/thema/<slug>`) and what the tables store; the label is what readers see.
 */
export const GUIDE_THEMES = [
  { slug: 'wat-is-mantelzorg', label: 'Wat is mantelzorg?' },
  { slug: 'geld-en-premies', label: 'Geld en premies' },
  { slug: 'respijtzorg-en-opvang', label: 'Respijtzorg en opvang' },
  { slug: 'zorg-thuis', label: 'Zorg thuis' },
  { slug: 'werk-en-mantelzorg', label: 'Werk en mantelzorg' },
  { slug: 'zorgen-voor-jezelf', label: 'Zorgen voor jezelf' },
  { slug: 'rouw-en-afscheid', label: 'Rouw en afscheid' },
  { slug: 'jonge-mantelzorgers', label: 'Jonge mantelzorgers' },
  { slug: 'wonen-en-hulpmiddelen', label: 'Wonen en hulpmiddelen' },
] as const;

export type GuideTheme = (typeof GUIDE_THEMES)[number]['slug'];

export const GUIDE_THEME_SLUGS: readonly GuideTheme[] = GUIDE_THEMES.map((theme) => theme.slug);

export function isGuideTheme(value: unknown): value is GuideTheme {
  return typeof value === 'string' && (GUIDE_THEME_SLUGS as readonly string[]).includes(value);
}

export function guideThemeLabel(theme: GuideTheme): string {
  return GUIDE_THEMES.find((t) => t.slug === theme)?.label ?? theme;
}
