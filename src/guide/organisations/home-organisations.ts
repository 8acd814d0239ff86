import { t } from '../../i18n/i18n';
import { ORGANISATION_KINDS } from '../common/organisation-kinds';

/**
 * The home page's "Hulp in de buurt" (HelpNearbyHomeSection), in a file of plain values so the
 * benchmark's bare server (bench/bare-server.js) requires the very statement, view model and
 * partial from dist/.
 */

/** The section's template (views/guide/organisations/home-help.hbs), a partial of the home page. */
export const HELP_NEARBY_PARTIAL = 'guide/organisations/home-help';

/** After the guide's questions (40). */
export const HELP_NEARBY_ORDER = 45;

/** How many organisations of each kind the hub lists (`$1`): one indexed scan (tenant, kind, name). */
export const HELP_NEARBY_SQL = `
  select kind, count(*)::int as n from care_organisations where tenant_id = $1 group by kind`;

/** The kinds the hub has, in the directory's order, each a link to its filter; none: no section. */
export function homeHelpNearby(rows: { kind: string; n: number }[]) {
  const count = new Map(rows.map((r) => [r.kind, r.n]));
  const kinds = ORGANISATION_KINDS.filter((k) => count.has(k.key)).map((k) => ({
    label: k.label,
    count: t(count.get(k.key) === 1 ? 'guide.orgs.home.countOne' : 'guide.orgs.home.count', {
      n: count.get(k.key)!,
    }),
    href: `/hulp-in-de-buurt?soort=${k.key}`,
  }));
  return kinds.length ? { kinds } : null;
}
