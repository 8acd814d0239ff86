import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The benchmarks load compiled modules by path (`dist/src/...js`) and run only in `npm run
 * bench`, so a module that moved would break them unseen: every such path must have its source.
 */
describe('bench modules', () => {
  it('names only modules that exist under src/', () => {
    const root = join(__dirname, '..');
    const bench = join(root, 'bench');
    const missing = readdirSync(bench)
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => {
        const text = readFileSync(join(bench, file), 'utf8');
        return [...text.matchAll(/path\.join\(ROOT, 'dist', 'src', ([^)]+)\)/g)].map((m) => ({
          file,
          parts: [...m[1].matchAll(/'([^']+)'/g)].map((p) => p[1]),
        }));
      })
      .filter(({ parts }) => !existsSync(join(root, 'src', ...parts).replace(/\.js$/, '.ts')))
      .map(({ file, parts }) => `${file}: src/${parts.join('/')}`);
    expect(missing).toEqual([]);
  });
});
