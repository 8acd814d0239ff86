import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { VIEWS_DIR } from '../paths';

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return templates(path);
    return entry.name.endsWith('.hbs') ? [path] : [];
  });
}

/**
 * Handlebars indents every line of an indented partial call's output, so an indented
 * `{{> textarea}}` adds spaces to each line of a multi-line value after the first, and more with
 * every save. The call must stand at the start of its line.
 */
describe('the textarea partial', () => {
  it('is never called indented', () => {
    const indented = templates(VIEWS_DIR).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /^\s+\{\{>\s*textarea\b/.test(line) ? [`${relative(VIEWS_DIR, file)}:${i + 1}`] : [],
        ),
    );
    expect(indented).toEqual([]);
  });
});
