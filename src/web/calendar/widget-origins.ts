/** At most this many sites may show the widget. */
export const MAX_WIDGET_ORIGINS = 10;

export type OriginsResult = { ok: true; origins: string[] } | { ok: false; error: string };

/**
 * The admin's list of sites that may frame the widget, one per line: each an https address of a
 * site without a path (`https://www.poperinge.be`), kept as its origin. Anything else is refused
 * with the line named, so the admin sees what to fix; an empty list frames nowhere.
 */
export function parseWidgetOrigins(text: string): OriginsResult {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const origins: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const origin = originOf(line);
    if (!origin)
      return {
        ok: false,
        error: `Regel ${i + 1} ("${line.slice(0, 80)}") is geen adres van een website. Schrijf het zo: https://www.poperinge.be (met https://, zonder pad erachter).`,
      };
    if (!origins.includes(origin)) origins.push(origin);
  }
  if (origins.length > MAX_WIDGET_ORIGINS)
    return {
      ok: false,
      error: `Vul hoogstens ${MAX_WIDGET_ORIGINS} websites in. Nu zijn het er ${origins.length}.`,
    };
  return { ok: true, origins };
}

function originOf(line: string): string | null {
  let url: URL;
  try {
    url = new URL(line);
  } catch {
    return null;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  // The host must look like a site's (a dot, no spaces); CSP takes it as a host source.
  const host = /^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$/.test(url.host);
  return url.protocol === 'https:' && bare && host ? url.origin : null;
}
