import { nl } from './nl';

const catalogs: Record<string, Record<string, string>> = { nl };
export const DEFAULT_LOCALE = 'nl';

export function hasTranslation(key: string, locale = DEFAULT_LOCALE): boolean {
  return catalogs[locale]?.[key] !== undefined;
}

/**
 * The one translation function. `{name}` placeholders are filled from `vars`. An unknown key
 * shows as itself; test/i18n.spec.ts fails on any key used in views or code that has no text.
 */
export function t(
  key: string,
  vars: Record<string, unknown> = {},
  locale = DEFAULT_LOCALE,
): string {
  const message = catalogs[locale]?.[key];
  if (message === undefined) return key;
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
