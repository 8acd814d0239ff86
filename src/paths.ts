import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository (or image) root, found from here both in src/ (ts) and dist/src/ (js). */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const ROOT_DIR = findRoot(__dirname);
export const VIEWS_DIR = join(ROOT_DIR, 'views');
