import fs from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found by walking up from this file. The same code runs from
 * `server/` (tsx, jest) and from `dist/server/` (compiled), so relative paths would break.
 */
function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const ROOT = findRoot(__dirname);
export const CLIENT_DIST = path.join(ROOT, 'dist', 'client');
export const DEFAULT_CONTENT_DIR = path.join(ROOT, 'content');
