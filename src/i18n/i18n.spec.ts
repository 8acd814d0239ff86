import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VIEWS_DIR } from '../paths';
import { hasTranslation, t } from './i18n';

function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? templates(path) : path.endsWith('.hbs') ? [path] : [];
  });
}

describe('i18n', () => {
  it('fills placeholders', () => {
    expect(t('site.name')).toBe('Mantelzorghub');
  });

  it('has a Dutch text for every key used in the views', () => {
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
