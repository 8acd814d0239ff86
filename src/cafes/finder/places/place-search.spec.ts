import { distanceKm, findPlace, municipalityOf, normalisePlaceName } from './place-search';

const found = (query: string) => {
  const lookup = findPlace(query);
  if (lookup.kind !== 'found') throw new Error(`${query}: ${lookup.kind}`);
  return { label: lookup.place.label, nis: lookup.place.municipality.nis };
};

describe('place search', () => {
  it('finds a postcode, alone or with a name, and names its towns', () => {
    expect(found('8970')).toEqual({ label: 'Poperinge, Reningelst', nis: '33021' });
    expect(found('8978 Watou')).toEqual({ label: 'Watou', nis: '33021' });
    expect(found('B-9000')).toEqual({ label: 'Gent', nis: '44021' });
    expect(found('9030').nis).toBe('44021');
  });

  it('does not know postcodes outside Flanders or that do not exist', () => {
    expect(findPlace('1000')).toEqual({ kind: 'unknown-postcode', postcode: '1000' });
    expect(findPlace('7000')).toEqual({ kind: 'unknown-postcode', postcode: '7000' });
    expect(findPlace('9999')).toEqual({ kind: 'unknown-postcode', postcode: '9999' });
  });

  it('finds a municipality or a town by its name, whatever the case, accents or "St."', () => {
    expect(found('poperinge')).toEqual({ label: 'Poperinge', nis: '33021' });
    expect(found('  REningelst ')).toEqual({ label: 'Reningelst', nis: '33021' });
    expect(found('St.-Niklaas').nis).toBe(municipalityOf('46021')?.nis);
    expect(found('Zillebeke').nis).toBe('33011');
    expect(normalisePlaceName('Sint-Amandsberg')).toBe('sint amandsberg');
    expect(normalisePlaceName('Étikhove')).toBe('etikhove');
  });

  it('offers a choice when a name is a town in several municipalities, or a beginning of several', () => {
    const oostkerke = findPlace('Oostkerke');
    expect(oostkerke.kind).toBe('choose');
    const labels = oostkerke.kind === 'choose' ? oostkerke.options.map((o) => o.label) : [];
    expect(labels).toEqual(['Oostkerke (8340 Damme)', 'Oostkerke (8600 Diksmuide)']);
    expect(findPlace('Sint').kind).toBe('choose');
    expect(findPlace('Atlantis')).toEqual({ kind: 'not-found' });
    expect(findPlace('   ')).toEqual({ kind: 'not-found' });
  });

  it('knows the municipalities merged in 2025 under their new code, and their old codes', () => {
    expect(found('9090')).toEqual({ label: 'Gontrode, Melle', nis: '44088' });
    expect(municipalityOf('72025')?.name).toBe('Pelt');
    expect(municipalityOf('72030')?.name).toBe('Peer');
    expect(municipalityOf('44040')?.name).toBe('Merelbeke-Melle');
    expect(municipalityOf('11007')?.name).toBe('Antwerpen');
    expect(municipalityOf('99999')).toBeUndefined();
    expect(municipalityOf(null)).toBeUndefined();
  });

  it('measures distances in kilometres', () => {
    const poperinge = municipalityOf('33021')!;
    const ieper = municipalityOf('33011')!;
    const gent = municipalityOf('44021')!;
    expect(distanceKm(poperinge, poperinge)).toBe(0);
    expect(distanceKm(poperinge, ieper)).toBeGreaterThan(8);
    expect(distanceKm(poperinge, ieper)).toBeLessThan(14);
    expect(distanceKm(ieper, gent)).toBeGreaterThan(55);
    expect(distanceKm(ieper, gent)).toBeLessThan(70);
  });
});
