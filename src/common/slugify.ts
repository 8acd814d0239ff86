/**
 * A web address part from a title or name: accents dropped, lower case, a–z and 0–9 with single
 * hyphens, at most `maxLength` characters; `fallback` when nothing is left.
 */
export function slugify(text: string, maxLength: number, fallback: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, maxLength)
      .replace(/-+$/g, '') || fallback
  );
}
