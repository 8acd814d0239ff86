import { withoutControls } from '../input-guard';
import { synonymsOf } from './synonyms';

/** Longer queries are cut here (a person types a few words; 10,000 characters are no search). */
export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

/** What was asked, as the page keeps it and as PostgreSQL gets it. */
export interface SearchQuery {
  /** As typed (trimmed, cut to MAX_QUERY_LENGTH): shown in the box again. */
  text: string;
  /** Lower case, no accents, single spaces: compared with the titles by trigram similarity. */
  folded: string;
  /** The words, folded (letters and digits only). */
  terms: string[];
  /** A `to_tsquery` expression of `terms` only (never the raw text), or null: nothing to search. */
  tsquery: string | null;
}

/** Lower case without accents: "Café" → "cafe". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The query as a tsquery built from its words alone (so `&`, `|`, `!`, `:*` or quotes typed by
 * someone are just not there): every word with its synonyms, all words required; a word of four
 * letters or more also matches as the start of a longer one ("mantelzorg" finds
 * "mantelzorgcafé"); two or three words also as one compound ("respijt zorg" → "respijtzorg"); the
 * whole query's synonyms as an alternative ("premie voor mantelzorgers" → "mantelzorgpremie").
 */
export function parseQuery(raw: unknown): SearchQuery {
  const text = withoutControls(typeof raw === 'string' ? raw : '')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
  const terms = fold(text)
    .split(/[^a-z0-9]+/)
    .filter((term) => term !== '')
    .slice(0, MAX_TERMS)
    .map((term) => term.slice(0, MAX_TERM_LENGTH));
  const folded = terms.join(' ');
  if (terms.length === 0) return { text, folded, terms, tsquery: null };
  const each = terms.map((term) => anyOf([term, ...synonymsOf(term)]));
  const alternatives = [each.join(' & '), ...synonymsOf(folded).map(phrase)];
  if (terms.length > 1 && terms.length <= 3) alternatives.push(word(terms.join('')));
  return { text, folded, terms, tsquery: anyOf(alternatives.map((a) => `(${a})`)) };
}

function anyOf(parts: string[]): string {
  const unique = [...new Set(parts)].map(phraseOrWord);
  return unique.length === 1 ? unique[0] : `(${unique.join(' | ')})`;
}

function phraseOrWord(part: string): string {
  return part.startsWith('(') ? part : part.includes(' ') ? phrase(part) : word(part);
}

/** A phrase's words, all required (word order is not checked: "hulp aan huis", "huis en hulp"). */
function phrase(words: string): string {
  return `(${words.split(' ').map(word).join(' & ')})`;
}

function word(term: string): string {
  return term.length >= 4 ? `${term}:*` : term;
}
