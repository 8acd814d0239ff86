import {
  FLEMISH_MUNICIPALITIES,
  FLEMISH_TOWNS,
  type MunicipalityPlace,
  type TownPlace,
} from './flemish-places';

/** A point on the map (degrees). */
export interface Point {
  lat: number;
  lon: number;
}

/** Where a search put the reader: a town (or the municipality itself) in a municipality. */
export interface FoundPlace {
  /** What to call the place: the town, or the municipality. */
  label: string;
  municipality: MunicipalityPlace;
  point: Point;
}

/** A place the reader may have meant, as a link that searches for it. */
export interface PlaceOption {
  label: string;
  query: string;
}

/** What a search for a municipality, a town or a postcode found. */
export type PlaceLookup =
  | { kind: 'found'; place: FoundPlace }
  | { kind: 'choose'; options: PlaceOption[] }
  | { kind: 'unknown-postcode'; postcode: string }
  | { kind: 'not-found' };

/** At most this many places to choose from: more means the reader should type more. */
const MAX_OPTIONS = 8;

/**
 * Codes of municipalities merged in 2019 and 2025 (Statbel REFNIS) → the code of the municipality
 * they are part of now: a hub registered with its old code is still placed.
 */
const MERGED_INTO: Readonly<Record<string, string>> = {
  // 2019
  '44001': '44084', // Aalter
  '44029': '44084', // Knesselare
  '44011': '44083', // Deinze
  '44049': '44083', // Nevele
  '45017': '45068', // Kruishoutem
  '45057': '45068', // Zingem
  '44036': '44085', // Lovendegem
  '44072': '44085', // Waarschoot
  '44080': '44085', // Zomergem
  '12030': '12041', // Puurs
  '12034': '12041', // Sint-Amands
  '72040': '72042', // Meeuwen-Gruitrode
  '71047': '72042', // Opglabbeek
  '72025': '72043', // Neerpelt
  '72029': '72043', // Overpelt
  // 2025
  '11007': '11002', // Borsbeek → Antwerpen
  '23023': '23106', // Galmaarden → Pajottegem
  '23024': '23106', // Gooik
  '23032': '23106', // Herne
  '37012': '37021', // Ruiselede → Wingene
  '37018': '37021', // Wingene
  '37007': '37022', // Meulebeke → Tielt
  '37015': '37022', // Tielt
  '44012': '44086', // De Pinte → Nazareth-De Pinte
  '44048': '44086', // Nazareth
  '44034': '44087', // Lochristi
  '44073': '44087', // Wachtebeke → Lochristi
  '46014': '46029', // Lokeren
  '44045': '46029', // Moerbeke → Lokeren
  '44040': '44088', // Melle → Merelbeke-Melle
  '44043': '44088', // Merelbeke
  '46003': '46030', // Beveren → Beveren-Kruibeke-Zwijndrecht
  '46013': '46030', // Kruibeke
  '11056': '46030', // Zwijndrecht
  '73006': '73110', // Bilzen → Bilzen-Hoeselt
  '73032': '73110', // Hoeselt
  '73009': '73111', // Borgloon → Tongeren-Borgloon
  '73083': '73111', // Tongeren
  '71069': '71071', // Ham → Tessenderlo-Ham
  '71057': '71071', // Tessenderlo
  '71022': '71072', // Hasselt
  '73040': '71072', // Kortessem → Hasselt
};

const byNis = new Map(FLEMISH_MUNICIPALITIES.map((m) => [m.nis, m]));

/** The Flemish municipality with NIS code `nis` (an old code finds the merged one). */
export function municipalityOf(nis: string | null | undefined): MunicipalityPlace | undefined {
  if (!nis) return undefined;
  return byNis.get(nis) ?? byNis.get(MERGED_INTO[nis] ?? '');
}

/** "Sint-Niklaas", "sint niklaas", "St.-Niklaas" all read "sint niklaas". */
export function normalisePlaceName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^st( |$)/, 'sint$1')
    .replace(/ st( |$)/g, ' sint$1');
}

interface Named {
  key: string;
  found: FoundPlace;
  /** What a link to choose this place searches for. */
  query: string;
  option: string;
}

/** Every municipality and town, under its normalised name. */
const NAMED: readonly Named[] = [
  ...FLEMISH_MUNICIPALITIES.map((m): Named => ({
    key: normalisePlaceName(m.name),
    found: { label: m.name, municipality: m, point: m },
    query: m.name,
    option: m.name,
  })),
  ...FLEMISH_TOWNS.flatMap((town): Named[] => {
    const municipality = byNis.get(town.nis);
    if (!municipality) return [];
    return [
      {
        key: normalisePlaceName(town.name),
        found: { label: town.name, municipality, point: town },
        query: town.postcodes[0] ?? municipality.name,
        option: `${town.name} (${[town.postcodes[0], municipality.name].filter(Boolean).join(' ')})`,
      },
    ];
  }),
];

/**
 * Finds what the reader typed: a postcode (4 digits, alone or before a name), else a municipality
 * or town by its name, exactly, else by how it begins. Places with the same name in several
 * municipalities, or a beginning that fits several, come back to choose from.
 */
export function findPlace(query: string): PlaceLookup {
  const postcode = /(?:^|\D)(\d{4})(?:\D|$)/.exec(query)?.[1];
  if (postcode) return byPostcode(postcode);
  const key = normalisePlaceName(query);
  if (key === '') return { kind: 'not-found' };
  const exact = NAMED.filter((n) => n.key === key);
  // The municipality itself wins over a town of the same name in another one (Beveren).
  const municipality = exact.find((n) => n.found.label === n.found.municipality.name);
  if (municipality) return { kind: 'found', place: municipality.found };
  if (exact.length > 0) return oneOrChoose(exact);
  return oneOrChoose(NAMED.filter((n) => n.key.startsWith(key)));
}

function byPostcode(postcode: string): PlaceLookup {
  const towns = FLEMISH_TOWNS.filter((town) => town.postcodes.includes(postcode));
  if (towns.length === 0) return { kind: 'unknown-postcode', postcode };
  const municipalities = [...new Set(towns.map((town) => town.nis))]
    .map((nis) => byNis.get(nis))
    .filter((m): m is MunicipalityPlace => m !== undefined);
  if (municipalities.length > 1) {
    return {
      kind: 'choose',
      options: municipalities.map((m) => ({ label: `${m.name} (${postcode})`, query: m.name })),
    };
  }
  const municipality = municipalities[0];
  const main = towns.find((town) => town.name === municipality.name) ?? towns[0];
  return {
    kind: 'found',
    place: { label: townsLabel(towns), municipality, point: pointOf(main) },
  };
}

/** "Poperinge, Reningelst": the towns of one postcode, the municipality's own first. */
function townsLabel(towns: readonly TownPlace[]): string {
  return towns.map((town) => town.name).join(', ');
}

const pointOf = (p: Point): Point => ({ lat: p.lat, lon: p.lon });

function oneOrChoose(named: readonly Named[]): PlaceLookup {
  // One place per municipality and label (a town listed under two postcodes is one place).
  const distinct = [
    ...new Map(named.map((n) => [`${n.found.municipality.nis}|${n.found.label}`, n])).values(),
  ];
  if (distinct.length === 0) return { kind: 'not-found' };
  if (distinct.length === 1) return { kind: 'found', place: distinct[0].found };
  const options = distinct
    .sort((a, b) => a.option.localeCompare(b.option, 'nl'))
    .slice(0, MAX_OPTIONS)
    .map((n) => ({ label: n.option, query: n.query }));
  return { kind: 'choose', options };
}

/** The distance between two points along the earth's surface, in kilometres (haversine). */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
