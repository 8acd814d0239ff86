import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_MANIFESTS, FEATURES } from './features';
import { hasTranslation, registerStrings } from './i18n/i18n';
import { VIEWS_DIR } from './paths';

function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? templates(path) : path.endsWith('.hbs') ? [path] : [];
  });
}

describe('the features (src/features.ts)', () => {
  it('are listed under their own name', () => {
    expect(Object.entries(FEATURES).map(([key, f]) => [key, f.name])).toEqual(
      Object.keys(FEATURES).map((key) => [key, key]),
    );
  });

  // The catalog as the app has it: the platform's strings and every feature's (AppModule.forRoot).
  it('has a Dutch text for every key used in the views', () => {
    for (const feature of FEATURE_MANIFESTS) registerStrings(feature.name, feature.strings);
    const missing: string[] = [];
    for (const file of templates(VIEWS_DIR)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\{\{\s*t\s+"([^"]+)"/g)) {
        if (!hasTranslation(match[1]))
          missing.push(`${match[1]} (${file.slice(VIEWS_DIR.length + 1)})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
