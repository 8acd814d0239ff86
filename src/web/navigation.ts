import { t } from '../i18n/i18n';

/**
 * The header's navigation is a registry: each feature's manifest lists its items and the app
 * module provides them, all features together, under NAV_ITEMS. The header shows the ones its
 * viewer may see, in order, before the account links the platform keeps for itself.
 */
export interface NavItem {
  /** Where it leads, a path on the municipality's host: '/cafes'. */
  href: string;
  /** The i18n key of its label: 'nav.cafes'. */
  label: string;
  /** Lower comes first. */
  order: number;
  /**
   * Who sees it: 'tenant' = everyone on a municipality's host (signed in or not),
   * 'member' = a signed-in member of that municipality, 'professional' = a member who is a care
   * professional there, 'platform' = everyone on the platform's own site (the base domain).
   */
  audience: NavAudience;
}

export type NavAudience = 'tenant' | 'member' | 'professional' | 'platform';

/** The features' navigation items (NavItem[]), provided once for the whole app. */
export const NAV_ITEMS = Symbol('NAV_ITEMS');

/**
 * The platform's own items: the calendar and "mijn aanmeldingen" gather every feature's part
 * (src/web/calendar, src/web/my).
 */
export const PLATFORM_NAV_ITEMS: readonly NavItem[] = [
  { href: '/kalender', label: 'nav.calendar', order: 12, audience: 'tenant' },
  { href: '/mijn-aanmeldingen', label: 'nav.mySignups', order: 20, audience: 'member' },
];

/** What the header lists before the account links: the features' items and the platform's, in order. */
export function navigationOf(features: readonly NavItem[]): NavItem[] {
  return [...features, ...PLATFORM_NAV_ITEMS].sort((a, b) => a.order - b.order);
}

/**
 * A card on an admin overview: `/beheer` of a municipality (`host: 'tenant'`, its admins) or of
 * the platform (`host: 'platform'`, platform admins). Each feature's manifest lists its own.
 */
export interface AdminLink {
  href: string;
  /** i18n keys of the card's title and its one-line hint. */
  label: string;
  hint: string;
  host: 'tenant' | 'platform';
}

/** The features' admin cards (AdminLink[]), provided once for the whole app. */
export const ADMIN_LINKS = Symbol('ADMIN_LINKS');

/** The cards of one overview, with their texts looked up. */
export function adminCards(links: readonly AdminLink[], host: AdminLink['host']) {
  return links
    .filter((link) => link.host === host)
    .map((link) => ({ href: link.href, label: t(link.label), hint: t(link.hint) }));
}
