/**
 * The domain's own words that mean the same to a caregiver, reviewed by hand: a search for one
 * also finds the others (the Dutch stemmer does not split compounds, so "mantelzorgpremie" never
 * matches "premie voor mantelzorgers" on its own). Lower case, without accents; a phrase is
 * matched word by word. src/web/search/search-query.spec.ts checks every entry.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['respijtzorg', 'opvang', 'oppas', 'oppasdienst'],
  ['mantelzorgpremie', 'mantelzorgtoelage', 'premie voor mantelzorgers'],
  ['dagopvang', 'dagverzorging', 'dagcentrum'],
  ['kortverblijf', 'kortopvang'],
  ['thuisverpleging', 'thuisverpleegkundige', 'verpleging aan huis'],
  ['thuiszorg', 'gezinszorg', 'hulp aan huis'],
  ['dementie', 'alzheimer', 'geheugenproblemen'],
  ['lotgenotencontact', 'lotgenoten', 'praatgroep'],
  ['mantelzorgcafe', 'cafe'],
  ['ziekenfonds', 'mutualiteit', 'ziekenkas'],
  ['ocmw', 'sociaal huis'],
  ['zorgverlof', 'verlof voor mantelzorg'],
  ['mantelzorgstatuut', 'erkenning als mantelzorger'],
  ['palliatieve zorg', 'levenseinde'],
  ['hulpmiddelen', 'rolstoel', 'rollator'],
];

/** The other words of each word's (or phrase's) groups. */
export function synonymsOf(term: string): string[] {
  return SYNONYM_GROUPS.filter((group) => group.includes(term)).flatMap((group) =>
    group.filter((other) => other !== term),
  );
}
