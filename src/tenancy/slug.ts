/** Subdomains that no municipality can take: they are, or may become, the platform's own. */
export const RESERVED_SLUGS = new Set([
  'www',
  'admin',
  'api',
  'mail',
  'forum',
  'static',
  'beheer',
  'platform',
]);

/** Lowercase letters, digits and single hyphens; 2–40 characters; no hyphen at either end. */
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,39}$/;

/** Returns a Dutch message explaining why the slug cannot be used, or null when it can. */
export function slugProblem(slug: string): string | null {
  if (!SLUG_PATTERN.test(slug)) {
    return 'Gebruik 2 tot 40 kleine letters, cijfers of koppeltekens, zonder koppelteken aan het begin of einde.';
  }
  if (RESERVED_SLUGS.has(slug))
    return `"${slug}" is voorbehouden voor het platform. Kies een ander adres.`;
  return null;
}
