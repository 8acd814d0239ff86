/**
 * The kinds of care organisation in the directory (`/hulp-in-de-buurt`, issue 11), in the order
 * the filter shows them. The key is what the table stores and the filter's `?soort=`; the label
 * is what readers see and what a CSV file may name (either is accepted on import).
 */
export const ORGANISATION_KINDS = [
  { key: 'sociaal-huis', label: 'OCMW / Sociaal Huis' },
  { key: 'respijtzorg', label: 'Respijtzorg' },
  { key: 'dagopvang', label: 'Dagopvang' },
  { key: 'kortverblijf', label: 'Kortverblijf' },
  { key: 'thuiszorg', label: 'Thuiszorg' },
  { key: 'oppasdienst', label: 'Oppasdienst' },
  { key: 'vervoer', label: 'Vervoer' },
  { key: 'lotgenotengroep', label: 'Lotgenotengroep' },
  { key: 'ziekenfonds', label: 'Ziekenfonds' },
  { key: 'dienstencentrum', label: 'Lokaal dienstencentrum' },
  { key: 'palliatieve-zorg', label: 'Palliatieve zorg' },
  { key: 'dementie', label: 'Dementie' },
  { key: 'mantelzorgvereniging', label: 'Mantelzorgvereniging' },
  { key: 'andere', label: 'Andere' },
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]['key'];

export const ORGANISATION_KIND_KEYS: readonly OrganisationKind[] = ORGANISATION_KINDS.map(
  (kind) => kind.key,
);

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === 'string' && (ORGANISATION_KIND_KEYS as readonly string[]).includes(value);
}

export function organisationKindLabel(kind: OrganisationKind): string {
  return ORGANISATION_KINDS.find((k) => k.key === kind)?.label ?? kind;
}
