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

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the features (src/features.ts)', () => {
  it('are listed under their own name', () => {
    expect(Object.entries(FEATURES).map(([key, f]) => [key, f.name])).toEqual(
      Object.keys(FEATURES).map((key) => [key, key]),
    );
  });

  // A feature's strings are registered when the app starts, after its files were loaded: a `t()`
  // run at load time (a constant, a decorator's argument) would show the key instead of the text.
  it('look their texts up when used, not when their files are loaded', () => {
    const loadTime = /^(?:export )?const [^=]+=\s*t\(|^\s*@\w+\([^)]*(?<!=> )\bt\(/;
    const offenders = Object.keys(FEATURES).flatMap((name) =>
      sources(join(__dirname, name)).flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (loadTime.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      ),
    );
    expect(offenders).toEqual([]);
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

  // t() fills `{name}`; a Handlebars-style `{{name}}` would show as `{value}` on the page.
  it('write their placeholders as {name}, not {{name}}', () => {
    const doubled = FEATURE_MANIFESTS.flatMap((feature) =>
      Object.entries(feature.strings.nl)
        .filter(([, text]) => /\{\{/.test(text))
        .map(([key]) => `${feature.name}: ${key}`),
    );
    expect(doubled).toEqual([]);
  });
});
