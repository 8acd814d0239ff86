/** The highest page number a list accepts from the query (its offset stays far inside an int). */
export const MAX_PAGE = 100_000;

/**
 * `?pagina=` as a page number: digits only, 1 to MAX_PAGE. Anything else (`-1`, `1e3`, `0`, a
 * value given twice, `100000000000000000000`) is page 1 or the highest page, never a number that
 * overflows the OFFSET in SQL. The list clamps it to its own last page.
 */
export function pageNumber(raw: unknown): number {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim())) return 1;
  const digits = raw.trim().replace(/^0+/, '');
  if (digits === '') return 1;
  return digits.length > 6 ? MAX_PAGE : Math.min(Number(digits), MAX_PAGE);
}
