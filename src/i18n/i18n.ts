import { nl } from './nl';

export const DEFAULT_LOCALE = 'nl';

/** The texts by locale: the platform's, then each feature's as `registerStrings` adds them. */
const catalogs: Record<string, Record<string, string>> = { nl: { ...nl } };
/** Who brought each key (per locale), so two owners can never fight over one text. */
const owners: Record<string, Map<string, string>> = {
  nl: new Map(Object.keys(nl).map((key) => [key, 'platform'])),
};

/**
 * Adds a feature's strings to the catalog. The root composition calls it once per feature at
 * start (`AppModule.forRoot`); i18n itself knows no feature. Registering the same owner's strings
 * again (a test process builds several apps) is harmless; a key another owner already has is
 * refused, since one of the two texts would silently win.
 */
export function registerStrings(
  owner: string,
  strings: Record<string, Record<string, string>>,
): void {
  for (const [locale, texts] of Object.entries(strings)) {
    const catalog = (catalogs[locale] ??= {});
    const keyOwners = (owners[locale] ??= new Map());
    const taken = Object.keys(texts).filter((key) => (keyOwners.get(key) ?? owner) !== owner);
    if (taken.length > 0)
      throw new Error(`${owner} registers strings that others own: ${taken.join(', ')}`);
    for (const [key, text] of Object.entries(texts)) {
      catalog[key] = text;
      keyOwners.set(key, owner);
    }
  }
}

export function hasTranslation(key: string, locale = DEFAULT_LOCALE): boolean {
  return catalogs[locale]?.[key] !== undefined;
}

/**
 * The one translation function. `{name}` placeholders are filled from `vars`. An unknown key
 * shows as itself; src/features.spec.ts fails on any key used in views that has no text.
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

/**
 * Texts `<prefix>.<name>` for each name, looked up each time one is read (not when the file that
 * asks loads: a feature's strings are registered when the app starts, after its files loaded).
 */
export function lazyStrings<Name extends string>(
  prefix: string,
  names: readonly Name[],
): Record<Name, string> {
  const strings = {} as Record<Name, string>;
  for (const name of names)
    Object.defineProperty(strings, name, { enumerable: true, get: () => t(`${prefix}.${name}`) });
  return strings;
}
