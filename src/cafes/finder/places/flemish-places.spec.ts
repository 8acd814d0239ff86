import { FLEMISH_MUNICIPALITIES, FLEMISH_TOWNS } from './flemish-places';

const BBOX = { minLat: 50.67, maxLat: 51.51, minLon: 2.54, maxLon: 5.92 };

/** The towns of one postcode, by name. */
function townsOf(postcode: string): { name: string; nis: string }[] {
  return FLEMISH_TOWNS.filter((t) => t.postcodes.includes(postcode))
    .map((t) => ({ name: t.name, nis: t.nis }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * Verified postcodes: [postcode, NIS code of the municipality since 2025, its towns, all of them].
 * An empty list of towns only checks the municipality.
 */
const VERIFIED: [string, string, string[]][] = [
  // Gent
  ['9000', '44021', ['Gent']],
  ['9030', '44021', ['Mariakerke']],
  ['9031', '44021', ['Drongen']],
  ['9032', '44021', ['Wondelgem']],
  ['9040', '44021', ['Sint-Amandsberg']],
  ['9041', '44021', ['Oostakker']],
  ['9042', '44021', ['Desteldonk', 'Mendonk', 'Sint-Kruis-Winkel']],
  ['9050', '44021', ['Gentbrugge', 'Ledeberg']],
  ['9051', '44021', ['Afsnee', 'Sint-Denijs-Westrem']],
  ['9052', '44021', ['Zwijnaarde']],
  ['9070', '44013', ['Destelbergen', 'Heusden']], // Destelbergen, not Gent
  // Poperinge
  ['8970', '33021', ['Poperinge', 'Reningelst']],
  ['8972', '33021', ['Krombeke', 'Proven', 'Roesbrugge-Haringe']],
  ['8978', '33021', ['Watou']],
  // Ieper
  ['8900', '33011', ['Brielen', 'Dikkebus', 'Ieper', 'Sint-Jan']],
  ['8902', '33011', ['Hollebeke', 'Voormezele', 'Zillebeke']],
  ['8904', '33011', ['Boezinge', 'Zuidschote']],
  ['8906', '33011', ['Elverdinge']],
  ['8908', '33011', ['Vlamertinge']],
  // Veurne
  [
    '8630',
    '38025',
    [
      'Avekapelle',
      'Booitshoeke',
      'Bulskamp',
      'De Moeren',
      'Eggewaartskapelle',
      'Houtem',
      'Steenkerke',
      'Veurne',
      'Vinkem',
      'Wulveringem',
      'Zoutenaaie',
    ],
  ],
  // The rest of the Westhoek
  ['8660', '38008', ['Adinkerke', 'De Panne']],
  ['8670', '38014', ['Koksijde', 'Oostduinkerke', 'Wulpen']],
  ['8620', '38016', ['Nieuwpoort', 'Ramskapelle', 'Sint-Joris']],
  ['8690', '38002', ['Alveringem', 'Hoogstade', 'Oeren', 'Sint-Rijkers']],
  ['8691', '38002', ['Beveren-aan-de-IJzer', 'Gijverinkhove', 'Izenberge', 'Leisele', 'Stavele']],
  ['8647', '32030', []],
  ['8600', '32003', []],
  ['8650', '32006', []],
  ['8680', '32010', []],
  ['8610', '32011', []],
  ['8920', '33040', []],
  ['8980', '33037', []],
  ['8950', '33039', ['Heuvelland', 'Nieuwkerke']],
  ['8951', '33039', ['Dranouter']],
  ['8952', '33039', ['Wulvergem']],
  ['8953', '33039', ['Wijtschate']],
  ['8954', '33039', ['Westouter']],
  ['8956', '33039', ['Kemmel']],
  ['8958', '33039', ['Loker']],
  ['8957', '33016', ['Mesen']],
  ['8640', '33041', []],
  ['8940', '33029', []],
  ['8840', '36019', []],
  // The 2025 mergers
  ['2150', '11002', ['Borsbeek']], // Borsbeek → Antwerpen
  ['9090', '44088', ['Gontrode', 'Melle']], // Melle → Merelbeke-Melle
  ['9150', '46030', ['Bazel', 'Kruibeke', 'Rupelmonde']], // Kruibeke → Beveren-Kruibeke-Zwijndrecht
  ['9180', '46029', []], // Moerbeke → Lokeren
  ['1540', '23106', ['Herfelingen', 'Herne']], // Herne → Pajottegem
  ['1570', '23106', ['Galmaarden', 'Tollembeek', 'Vollezele']], // Galmaarden → Pajottegem
  ['1755', '23106', ['Gooik', 'Kester', 'Leerbeek', 'Oetingen']], // Gooik → Pajottegem
];

describe('Flemish places', () => {
  const codes = new Set(FLEMISH_MUNICIPALITIES.map((m) => m.nis));

  it('has the 285 municipalities of 2025, each with a unique 5-digit NIS code', () => {
    expect(FLEMISH_MUNICIPALITIES).toHaveLength(285);
    expect(codes.size).toBe(285);
    for (const m of FLEMISH_MUNICIPALITIES) expect(m.nis).toMatch(/^\d{5}$/);
    expect(new Set(FLEMISH_MUNICIPALITIES.map((m) => m.name)).size).toBe(285);
  });

  it('names the merged municipalities and drops the merged-away ones', () => {
    const name = (nis: string) => FLEMISH_MUNICIPALITIES.find((m) => m.nis === nis)?.name;
    expect(name('23106')).toBe('Pajottegem');
    expect(name('44088')).toBe('Merelbeke-Melle');
    expect(name('46030')).toBe('Beveren-Kruibeke-Zwijndrecht');
    expect(name('46029')).toBe('Lokeren');
    expect(name('33021')).toBe('Poperinge');
    expect(name('44021')).toBe('Gent');
    expect(name('11002')).toBe('Antwerpen');
    for (const gone of ['11007', '23023', '23024', '23032', '44040', '46013', '44045', '46014'])
      expect(codes.has(gone)).toBe(false);
  });

  it('sorts municipalities and towns by name', () => {
    const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'nl'));
    const municipalityNames = FLEMISH_MUNICIPALITIES.map((m) => m.name);
    expect(municipalityNames).toEqual(sorted(municipalityNames));
    const townNames = FLEMISH_TOWNS.map((t) => t.name);
    expect(townNames).toEqual(sorted(townNames));
  });

  it("gives every town a municipality's NIS code and at least one postcode", () => {
    for (const t of FLEMISH_TOWNS) {
      expect(codes.has(t.nis)).toBe(true);
      expect(t.postcodes.length).toBeGreaterThan(0);
      for (const p of t.postcodes) expect(p).toMatch(/^\d{4}$/);
    }
    const keys = FLEMISH_TOWNS.map((t) => `${t.nis} ${t.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers every municipality and the Flemish postcode ranges only', () => {
    for (const nis of codes) expect(FLEMISH_TOWNS.some((t) => t.nis === nis)).toBe(true);
    const postcodes = new Set(FLEMISH_TOWNS.flatMap((t) => t.postcodes));
    expect(postcodes.size).toBe(519);
    for (const p of postcodes) {
      const n = Number(p);
      expect((n >= 1500 && n <= 3999) || (n >= 8000 && n <= 9999)).toBe(true);
    }
    for (const voeren of ['3790', '3791', '3792', '3793', '3798'])
      expect(postcodes.has(voeren)).toBe(true);
  });

  it("keeps every point inside Flanders' bounding box, rounded to 4 decimals", () => {
    for (const p of [...FLEMISH_MUNICIPALITIES, ...FLEMISH_TOWNS]) {
      expect(p.lat).toBeGreaterThanOrEqual(BBOX.minLat);
      expect(p.lat).toBeLessThanOrEqual(BBOX.maxLat);
      expect(p.lon).toBeGreaterThanOrEqual(BBOX.minLon);
      expect(p.lon).toBeLessThanOrEqual(BBOX.maxLon);
      expect(Math.round(p.lat * 1e4) / 1e4).toBe(p.lat);
      expect(Math.round(p.lon * 1e4) / 1e4).toBe(p.lon);
    }
  });

  it.each(VERIFIED)('maps postcode %s to municipality %s', (postcode, nis, names) => {
    const towns = townsOf(postcode);
    expect(towns.length).toBeGreaterThan(0);
    for (const t of towns) expect(t.nis).toBe(nis);
    if (names.length) expect(towns.map((t) => t.name)).toEqual(names);
  });

  it('keeps same-named towns of different municipalities apart', () => {
    const nisOf = (name: string) =>
      FLEMISH_TOWNS.filter((t) => t.name === name)
        .map((t) => t.nis)
        .sort();
    expect(nisOf('Sint-Kruis')).toEqual(['31005']);
    expect(nisOf('Oostkerke')).toEqual(['31006', '32003']);
    expect(nisOf('Beveren')).toEqual(['34040', '36015']);
    expect(nisOf('Mariakerke')).toEqual(['44021']);
    expect(nisOf('Sint-Joris')).toEqual(['31003', '38016']);
    expect(nisOf('Halle')).toEqual(['11055', '23027']);
  });

  it('lists both postcodes of a town that has two', () => {
    const kallo = FLEMISH_TOWNS.filter((t) => t.name === 'Kallo');
    expect(kallo).toHaveLength(1);
    expect(kallo[0].postcodes).toEqual(['9120', '9130']);
    expect(kallo[0].nis).toBe('46030');
    const antwerpen = FLEMISH_TOWNS.find((t) => t.name === 'Antwerpen');
    expect(antwerpen?.postcodes).toEqual(['2000', '2018', '2020', '2030', '2040', '2050', '2060']);
  });

  it('locates a typed town near its municipality', () => {
    const town = (name: string) => FLEMISH_TOWNS.find((t) => t.name === name);
    const reningelst = town('Reningelst');
    expect(reningelst).toMatchObject({ nis: '33021', postcodes: ['8970'] });
    expect(reningelst!.lat).toBeCloseTo(50.82, 1);
    expect(reningelst!.lon).toBeCloseTo(2.76, 1);
    const mariakerke = town('Mariakerke');
    expect(mariakerke).toMatchObject({ nis: '44021', postcodes: ['9030'] });
    expect(mariakerke!.lat).toBeCloseTo(51.07, 1);
    expect(mariakerke!.lon).toBeCloseTo(3.68, 1);
  });
});
