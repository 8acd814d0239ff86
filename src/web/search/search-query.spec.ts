import { fold, MAX_QUERY_LENGTH, parseQuery } from './search-query';
import { SYNONYM_GROUPS, synonymsOf } from './synonyms';

describe('a search query', () => {
  it('is built from its words only: what someone types as tsquery syntax is not there', () => {
    for (const raw of ["a & b | !c", "mantel'zorg:*", '"(( ))"', '<script>', '\\0']) {
      const { tsquery } = parseQuery(raw);
      expect(tsquery ?? '').toMatch(/^[a-z0-9:*&|() ]*$/);
      expect(tsquery ?? '').not.toMatch(/!|'|"|<|\\/);
    }
    expect(parseQuery('&&&').tsquery).toBeNull();
    expect(parseQuery(undefined).tsquery).toBeNull();
    expect(parseQuery(['a', 'b']).tsquery).toBeNull();
  });

  it('keeps what was typed for the box, cut to a sensible length', () => {
    expect(parseQuery('  Café De Kouter  ').text).toBe('Café De Kouter');
    expect(parseQuery('x'.repeat(10_000)).text).toHaveLength(MAX_QUERY_LENGTH);
    expect(parseQuery('Café  DE-Kouter').folded).toBe('cafe de kouter');
    expect(fold('Dagverzorgingscentrum Ter Linde é ë')).toBe('dagverzorgingscentrum ter linde e e');
  });

  it('requires every word, lets a longer word start with one, and tries two words as one', () => {
    expect(parseQuery('respijt zorg').tsquery).toBe('((respijt:* & zorg:*) | (respijtzorg:*))');
    expect(parseQuery('ter linde').tsquery).toBe('((ter & linde:*) | (terlinde:*))');
  });

  // One test per entry of the reviewed list: each of its words finds the others.
  describe.each(SYNONYM_GROUPS.map((group) => [group.join(' / '), group] as const))(
    'the synonyms %s',
    (_name, group) => {
      it.each(group.map((term) => [term]))('"%s" also searches the others', (term) => {
        const tsquery = parseQuery(term).tsquery!;
        for (const other of group.filter((o) => o !== term))
          for (const word of other.split(' ')) expect(tsquery).toContain(word);
        expect(synonymsOf(term).sort()).toEqual(group.filter((o) => o !== term).sort());
      });
    },
  );

  it('lists every word once, lower case and without accents', () => {
    const all = SYNONYM_GROUPS.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const term of all) expect(term).toBe(fold(term));
  });
});
